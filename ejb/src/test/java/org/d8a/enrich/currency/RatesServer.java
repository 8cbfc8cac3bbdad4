package org.d8a.enrich.currency;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** For tests: an HTTP server on 127.0.0.1 that answers each path as told (404 otherwise) and records the requests. */
final class RatesServer implements AutoCloseable {

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();

    private RatesServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static RatesServer start() throws IOException {
        return new RatesServer();
    }

    /** A URL template under {@code /<source>/}, as {@code currency.source_url} takes it. */
    String template(String source) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + source + "/{base}.json";
    }

    /** {@code path} is answered with {@code status} and {@code body} from now on. */
    RatesServer answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
        return this;
    }

    /** The requests so far, as {@code <path> <Accept header>}. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        synchronized (requests) {
            requests.add(path + " " + exchange.getRequestHeaders().getFirst("Accept"));
        }
        Answer answer = answers.getOrDefault(path, new Answer(404, "{}"));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
