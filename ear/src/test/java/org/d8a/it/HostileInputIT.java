package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A seeded stream of malformed requests mixed with valid hits ({@code -Dd8a.it.hostile.requests}, default 2 000;
 * {@code -Dd8a.it.hostile.seed}, default 17): truncated query strings, invalid percent-encoding and UTF-8, NUL bytes,
 * huge keys and values, broken JSON for {@code /mp/collect} and Matomo bulk bodies, wrong methods and content types,
 * unknown properties, too many lines. No answer is a {@code 5xx}; every request the generator knows to be invalid gets
 * a {@code 4xx}, with a one-line reason when a collect endpoint refused it; the server log has no {@code ERROR}; and
 * every valid hit is delivered exactly once.
 */
class HostileInputIT {

    private static final long SEED = Long.getLong("d8a.it.hostile.seed", 17);
    private static final int REQUESTS = Integer.getInteger("d8a.it.hostile.requests", 2000);
    private static final String MP = "measurement_id=G-IT&api_secret=hostile-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(SEED);
    private URI base;
    private int sent;

    /** What a generated request must get. */
    private enum Expect { STORED, REFUSED, ANY }

    private record Sent(String what, Expect expect, HttpResponse<String> answer) {
    }

    @Test
    void malformedRequestsAreRefusedCleanlyAndValidHitsDeliveredOnce() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "hostile-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("d8a.yaml"), """
                sessions:
                  timeout: 2s
                  join_by_session_stamp: false
                property:
                  api_secrets: [hostile-secret]
                warehouse:
                  files:
                    max_segment_age: 1s
                    filesystem:
                      path: %s
                properties:
                  - id: matomo-site
                    name: Matomo site
                    measurement_id: "3"
                    protocol: matomo
                """.formatted(warehouseDir), StandardCharsets.UTF_8);

        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            base = server.baseUri();
            List<String> validClients = new ArrayList<>();
            List<String> findings = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Sent request = next(validClients);
                String problem = problem(request);
                if (problem != null) {
                    findings.add("#" + i + " " + request.what() + ": " + problem);
                }
            }
            assertEquals(List.of(), findings, "seed " + SEED);

            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());
            List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(validClients
                    .toArray(String[]::new)), validClients.size(), Duration.ofSeconds(120));
            Map<String, Long> perClient = rows.stream().collect(Collectors.groupingBy(row -> row.get("client_id"),
                    TreeMap::new, Collectors.counting()));
            assertEquals(validClients.stream().collect(Collectors.toMap(c -> c, c -> 1L, (a, b) -> a, TreeMap::new)),
                    perClient, "every valid hit once, seed " + SEED);

            List<String> errors = Files.readAllLines(server.serverLog(), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(List.of(), errors, "no ERROR in the server log, seed " + SEED);
        }
    }

    /** Why {@code request}'s answer is wrong, or {@code null}. */
    private static String problem(Sent request) {
        int status = request.answer().statusCode();
        String body = request.answer().body();
        if (status >= 500) {
            return "answered " + status + " " + body;
        }
        switch (request.expect()) {
            case STORED -> {
                if (status != 204) {
                    return "a valid hit answered " + status + " " + body;
                }
            }
            case REFUSED -> {
                if (status < 400) {
                    return "an invalid request answered " + status;
                }
            }
            default -> {
            }
        }
        boolean collectRefusal = status == 400 || status == 413;
        if (collectRefusal && (body.isBlank() || body.contains("\n") || body.contains("\r"))) {
            return "a refusal without a one-line reason: " + status + " [" + body + "]";
        }
        return null;
    }

    private Sent next(List<String> validClients) throws IOException, InterruptedException {
        String client = "hostile-" + SEED + "-" + sent++;
        String hit = "v=2&tid=G-IT&cid=" + client + "&en=page_view&dl=https%3A%2F%2Fexample.com%2F" + sent;
        switch (random.nextInt(16)) {
            case 0, 1, 2 -> {
                validClients.add(client);
                return new Sent("valid GET", Expect.STORED, send("GET", "/g/collect?" + hit, null, null, client));
            }
            case 3 -> {
                // never inside an escape: a URI cannot hold half of one (a body can, case 4)
                String cut = hit.substring(0, random.nextInt(hit.length())).replaceFirst("%[0-9A-F]?$", "");
                return new Sent("truncated query " + cut, Expect.ANY, send("GET", "/g/collect?" + cut, null, null,
                        client));
            }
            case 4 -> {
                return new Sent("bad percent-encoding in a body line", Expect.REFUSED, send("POST",
                        "/g/collect?v=2&tid=G-IT&cid=" + client, "en=page_view&dl=%" + garbageHex(), "text/plain",
                        client));
            }
            case 5 -> {
                return new Sent("bad percent-encoding in the query", Expect.ANY, send("GET", "/g/collect?" + hit
                        + "&dt=" + invalidUtf8Escapes() + "&ep.x=%E0%A4", null, null, client));
            }
            case 6 -> {
                return new Sent("NUL bytes", Expect.ANY, send("POST", "/g/collect?v=2&tid=G-IT&cid=" + client
                        + "%00x", "en=page_view\u0000&dl=a%00b\u0000", "text/plain", client));
            }
            case 7 -> {
                return new Sent("a value over max_hit_kbytes", Expect.REFUSED, send("POST", "/g/collect?" + hit,
                        "en=page_view&ep.pad=" + "x".repeat(140 * 1024), "text/plain", client));
            }
            case 8 -> {
                return new Sent("a huge key", Expect.ANY, send("POST", "/g/collect?" + hit,
                        "en=page_view&ep." + "k".repeat(5000 + random.nextInt(20000)) + "=1", "text/plain", client));
            }
            case 9 -> {
                String json = "{\"client_id\":\"" + client + "\",\"events\":[{\"name\":\"purchase\",\"params\":{";
                return new Sent("broken MP JSON", Expect.ANY, send("POST", "/mp/collect?" + MP,
                        json.substring(0, random.nextInt(json.length())), "application/json", client));
            }
            case 10 -> {
                String bulk = "{\"requests\":[\"?idsite=3&rec=1&_id=0123456789abcdef&url=https%3A%2F%2Fx.example\"";
                return new Sent("broken Matomo bulk JSON", Expect.REFUSED, send("POST", "/matomo.php",
                        bulk.substring(0, 1 + random.nextInt(bulk.length() - 1)), "application/json", client));
            }
            case 11 -> {
                String method = random.nextBoolean() ? "PUT" : "DELETE";
                return new Sent(method + " /g/collect", Expect.REFUSED, send(method, "/g/collect?" + hit, "", null,
                        client));
            }
            case 12 -> {
                byte[] garbage = new byte[1 + random.nextInt(512)];
                random.nextBytes(garbage);
                return new Sent("a multipart body of random bytes", Expect.ANY, sendBytes("/g/collect?" + hit,
                        garbage, "multipart/form-data; boundary=x", client));
            }
            case 13 -> {
                return new Sent("an unknown property", Expect.ANY, send("GET", "/g/collect?"
                        + hit.replace("G-IT", "G-NOPE" + random.nextInt(1000)), null, null, client));
            }
            case 14 -> {
                byte[] invalidUtf8 = ("en=page_view&dl=caf" + "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
                return new Sent("invalid UTF-8 in the body", Expect.ANY, sendBytes("/g/collect?" + hit, invalidUtf8,
                        "text/plain", client));
            }
            default -> {
                return new Sent("too many lines", Expect.REFUSED, send("POST", "/g/collect?" + hit,
                        "en=scroll\n".repeat(1001 + random.nextInt(1000)), "text/plain", client));
            }
        }
    }

    /** What follows a {@code %} that is no escape at all (a URI cannot hold it: only a body can). */
    private String garbageHex() {
        String[] bad = {"zz", "g1", "", "%", "4"};
        return bad[random.nextInt(bad.length)];
    }

    /** Well-formed escapes of bytes that are no UTF-8. */
    private String invalidUtf8Escapes() {
        String[] bad = {"%C3%28", "%FF%FE", "%E0%A4", "%80", "%ED%A0%80"};
        return bad[random.nextInt(bad.length)];
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, String contentType,
            String client) throws IOException, InterruptedException {
        return sendBytes(method, pathAndQuery, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                contentType, client);
    }

    private HttpResponse<String> sendBytes(String pathAndQuery, byte[] body, String contentType, String client)
            throws IOException, InterruptedException {
        return sendBytes("POST", pathAndQuery, body, contentType, client);
    }

    private HttpResponse<String> sendBytes(String method, String pathAndQuery, byte[] body, String contentType,
            String client) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery.substring(1)))
                .timeout(Duration.ofSeconds(30)).header("User-Agent", "HostileInputIT/" + client)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
