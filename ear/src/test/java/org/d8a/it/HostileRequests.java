package org.d8a.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The corpus of {@link HostileInputIT}: a seeded generator of requests to the collect endpoints, most of them
 * malformed, some valid, each sent to the server as it is drawn. The same seed draws the same requests, so a finding
 * is reproduced by its seed and its request number. A request is sent either through {@link HttpClient} or, for what
 * that client refuses to send (header floods, a body trickled over many writes), on a raw socket of its own.
 */
final class HostileRequests {

    /** What a request must get: {@code 204}, a {@code 4xx}, or either (only never a {@code 5xx}). */
    enum Expect { STORED, REFUSED, ANY }

    /**
     * A request sent: its description, its client id, what it must get, and what it got; {@code reason} is the answer's
     * body, or the status line's reason phrase when the answer came from Undertow's parser rather than the product.
     */
    record Sent(String what, String client, Expect expect, int status, String reason) {
    }

    private static final String MP = "measurement_id=G-IT&api_secret=hostile-secret";
    /** server.cli's {@code max-headers} and {@code max-header-size} */
    private static final int MAX_HEADERS = 100;
    private static final int MAX_HEADER_SIZE = 65536;

    private final URI base;
    private final long seed;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int drawn;

    HostileRequests(URI base, long seed) {
        this.base = base;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Draws the next request, sends it and returns its answer. */
    Sent next() throws IOException, InterruptedException {
        String client = "hostile-" + seed + "-" + drawn++;
        String hit = "v=2&tid=G-IT&cid=" + client + "&en=page_view&dl=https%3A%2F%2Fexample.com%2F" + drawn;
        return switch (random.nextInt(20)) {
            case 0, 1, 2 -> send("valid GET", client, Expect.STORED, "GET", "/g/collect?" + hit, null, null);
            case 3 -> {
                // never inside an escape: a URI cannot hold half of one (a body can, case 4)
                String cut = hit.substring(0, random.nextInt(hit.length())).replaceFirst("%[0-9A-F]?$", "");
                yield send("truncated query " + cut, client, Expect.ANY, "GET", "/g/collect?" + cut, null, null);
            }
            case 4 -> send("bad percent-encoding in a body line", client, Expect.REFUSED, "POST",
                    "/g/collect?v=2&tid=G-IT&cid=" + client, "en=page_view&dl=%" + garbageHex(), "text/plain");
            case 5 -> send("bad percent-encoding in the query", client, Expect.ANY, "GET", "/g/collect?" + hit
                    + "&dt=" + invalidUtf8Escapes() + "&ep.x=%E0%A4", null, null);
            case 6 -> send("NUL bytes", client, Expect.ANY, "POST", "/g/collect?v=2&tid=G-IT&cid=" + client + "%00x",
                    "en=page_view\u0000&dl=a%00b\u0000", "text/plain");
            case 7 -> send("a value over max_hit_kbytes", client, Expect.REFUSED, "POST", "/g/collect?" + hit,
                    "en=page_view&ep.pad=" + "x".repeat(140 * 1024), "text/plain");
            case 8 -> send("a huge key", client, Expect.ANY, "POST", "/g/collect?" + hit,
                    "en=page_view&ep." + "k".repeat(5000 + random.nextInt(20000)) + "=1", "text/plain");
            case 9 -> {
                String json = "{\"client_id\":\"" + client + "\",\"events\":[{\"name\":\"purchase\",\"params\":{";
                yield send("broken MP JSON", client, Expect.ANY, "POST", "/mp/collect?" + MP,
                        json.substring(0, random.nextInt(json.length())), "application/json");
            }
            case 10 -> {
                String bulk = "{\"requests\":[\"?idsite=3&rec=1&_id=0123456789abcdef&url=https%3A%2F%2Fx.example\"";
                yield send("broken Matomo bulk JSON", client, Expect.REFUSED, "POST", "/matomo.php",
                        bulk.substring(0, 1 + random.nextInt(bulk.length() - 1)), "application/json");
            }
            case 11 -> {
                String method = random.nextBoolean() ? "PUT" : "DELETE";
                yield send(method + " /g/collect", client, Expect.REFUSED, method, "/g/collect?" + hit, "", null);
            }
            case 12 -> {
                byte[] garbage = new byte[1 + random.nextInt(512)];
                random.nextBytes(garbage);
                yield sendBytes("a multipart body of random bytes", client, Expect.ANY, "POST", "/g/collect?" + hit,
                        garbage, "multipart/form-data; boundary=x");
            }
            case 13 -> send("an unknown property", client, Expect.ANY, "GET",
                    "/g/collect?" + hit.replace("G-IT", "G-NOPE" + random.nextInt(1000)), null, null);
            case 14 -> sendBytes("invalid UTF-8 in the body", client, Expect.ANY, "POST", "/g/collect?" + hit,
                    ("en=page_view&dl=caf" + "\u00e9").getBytes(StandardCharsets.ISO_8859_1), "text/plain");
            case 15 -> send("too many lines", client, Expect.REFUSED, "POST", "/g/collect?" + hit,
                    "en=scroll\n".repeat(1001 + random.nextInt(1000)), "text/plain");
            case 16 -> {
                int depth = 1000 + random.nextInt(20000);
                String nested = "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2);
                yield send("MP JSON nested " + depth + " deep", client, Expect.ANY, "POST", "/mp/collect?" + MP,
                        "{\"client_id\":\"" + client + "\",\"events\":[{\"name\":\"e\",\"params\":{\"p\":" + nested
                                + "}}]}", "application/json");
            }
            case 17 -> headerFlood(client, hit);
            case 18 -> slowBody(client, hit);
            default -> send("a form body of the wrong content type", client, Expect.ANY, "POST",
                    "/g/collect?v=2&tid=G-IT&cid=" + client, "en=page_view&dl=x", random.nextBoolean()
                            ? "application/x-www-form-urlencoded" : "application/octet-stream");
        };
    }

    /** Too many headers, or one too long: Undertow's parser refuses the head before the product sees it. */
    private Sent headerFlood(String client, String hit) throws IOException {
        StringBuilder head = new StringBuilder("GET /g/collect?" + hit + " HTTP/1.1\r\nHost: localhost\r\n");
        String what;
        if (random.nextBoolean()) {
            int headers = MAX_HEADERS + 1 + random.nextInt(200);
            for (int i = 0; i < headers; i++) {
                head.append("X-Flood-").append(i).append(": ").append(i).append("\r\n");
            }
            what = headers + " headers";
        } else {
            head.append("Cookie: ").append("c".repeat(MAX_HEADER_SIZE + 1 + random.nextInt(MAX_HEADER_SIZE)))
                    .append("\r\n");
            what = "a header over " + MAX_HEADER_SIZE + " bytes";
        }
        return exchange(what, client, Expect.REFUSED, head.append("Connection: close\r\n\r\n").toString(), 1, 0);
    }

    /** A valid hit whose body arrives in a few writes some milliseconds apart, well within Undertow's timeouts. */
    private Sent slowBody(String client, String hit) throws IOException {
        String body = "en=page_view&dl=https%3A%2F%2Fexample.com%2Fslow&ep.pad=" + "s".repeat(random.nextInt(2000));
        String request = "POST /g/collect?v=2&tid=G-IT&cid=" + client + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body;
        return exchange("a body trickled in 5 writes", client, Expect.STORED, request, 5, 20);
    }

    private Sent send(String what, String client, Expect expect, String method, String pathAndQuery, String body,
            String contentType) throws IOException, InterruptedException {
        return sendBytes(what, client, expect, method, pathAndQuery,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private Sent sendBytes(String what, String client, Expect expect, String method, String pathAndQuery, byte[] body,
            String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery.substring(1)))
                .timeout(Duration.ofSeconds(30)).header("User-Agent", "HostileInputIT/" + client)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Sent(what, client, expect, answer.statusCode(), answer.body());
    }

    /**
     * Writes {@code request} on a connection of its own in {@code writes} parts, {@code pauseMillis} apart, and reads
     * the answer until the server closes the connection.
     */
    private Sent exchange(String what, String client, Expect expect, String request, int writes, long pauseMillis)
            throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                int part = (bytes.length + writes - 1) / writes;
                for (int from = 0; from < bytes.length; from += part) {
                    if (from > 0) {
                        // the slowness is the request under test, not a wait for a condition
                        TimeUnit.MILLISECONDS.sleep(pauseMillis);
                    }
                    out.write(bytes, from, Math.min(part, bytes.length - from));
                    out.flush();
                }
            } catch (SocketException e) {
                // the server may answer and close before it read everything: the answer is still to be read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            InputStream in = socket.getInputStream();
            String answer;
            try {
                answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketException e) {
                answer = "";
            }
            return parsed(what, client, expect, answer);
        }
    }

    private static Sent parsed(String what, String client, Expect expect, String answer) {
        int endOfStatus = answer.indexOf("\r\n");
        String[] statusLine = (endOfStatus < 0 ? answer : answer.substring(0, endOfStatus)).split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            return new Sent(what, client, expect, -1, "no answer: [" + answer + "]");
        }
        int endOfHead = answer.indexOf("\r\n\r\n");
        String body = endOfHead < 0 ? "" : answer.substring(endOfHead + 4);
        String reason = body.isBlank() && statusLine.length == 3 ? statusLine[2] : body;
        return new Sent(what, client, expect, Integer.parseInt(statusLine[1]), reason);
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
}
