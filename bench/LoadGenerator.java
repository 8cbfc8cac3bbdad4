import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for d8a: sends GA4 page_view hits from many clients to /g/collect, then waits until their rows are in
 * the files warehouse's CSV. Prints hits/s accepted (204 answered) and rows/s reaching the CSV.
 *
 * <pre>java bench/LoadGenerator.java URL CSV_FILE HITS CLIENTS CONCURRENCY</pre>
 */
public class LoadGenerator {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Path csv = Path.of(args[1]);
        int hits = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        String run = Long.toString(System.currentTimeMillis(), 36);

        long rowsBefore = countRows(csv);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[hits];
        for (int i = 0; i < hits; i++) {
            inFlight.acquire();
            String client = "bench-" + run + "-" + (i % clients);
            URI uri = base.resolve("/g/collect?v=2&tid=G-BENCH&en=page_view&cid=" + client
                    + "&dl=https%3A%2F%2Fexample.com%2Fp" + i + "&dt=Bench");
            HttpRequest request = HttpRequest.newBuilder(uri).header("User-Agent", "d8a-bench")
                    .timeout(Duration.ofSeconds(60)).GET().build();
            all[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.release();
                if (error == null && response.statusCode() == 204) {
                    accepted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
        double acceptSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("accepted %d hits (%d failed) in %.2f s: %.0f hits/s%n", accepted.get(), failed.get(),
                acceptSeconds, accepted.get() / acceptSeconds);

        long expected = rowsBefore + accepted.get();
        long rows = countRows(csv);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (rows < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            rows = countRows(csv);
        }
        double rowSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d rows in the CSV %.2f s after the first request: %.0f rows/s end to end%n",
                rows - rowsBefore, rowSeconds, (rows - rowsBefore) / rowSeconds);
    }

    private static long countRows(Path csv) throws Exception {
        if (!Files.exists(csv)) {
            return 0;
        }
        try (var lines = Files.lines(csv)) {
            return Math.max(0, lines.count() - 1);
        }
    }
}
