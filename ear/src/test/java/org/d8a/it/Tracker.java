package org.d8a.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A GA4-shaped tracker as the tests use it: GET and POST requests to the collect endpoint of a running server
 * ({@code /g/collect} for gtag, {@code /d/c} for the d8a web tracker).
 */
final class Tracker {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String collectPath;

    Tracker(URI base) {
        this(base, "/g/collect");
    }

    Tracker(URI base, String collectPath) {
        this.base = base;
        this.collectPath = collectPath;
    }

    /** Sends one page_view of {@code clientId} on {@code page}; returns the response. */
    HttpResponse<String> pageView(String clientId, String page) throws IOException, InterruptedException {
        return get("v=2&tid=G-IT&en=page_view&cid=" + encode(clientId) + "&dl=" + encode(page) + "&dt=Test%20page");
    }

    HttpResponse<String> get(String query) throws IOException, InterruptedException {
        return get(query, userAgent(query));
    }

    /** A GET from a browser identified by {@code userAgent}: one of the headers of the session stamp. */
    HttpResponse<String> get(String query, String userAgent) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(collectPath + "?" + query))
                .header("User-Agent", userAgent).timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with extra request headers, such as the forwarding headers of a reverse proxy. */
    HttpResponse<String> get(String query, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(collectPath + "?" + query))
                .header("User-Agent", userAgent(query)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String query, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(collectPath + "?" + query))
                .header("User-Agent", userAgent(query)).header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A user agent of the request's own client id: every test client looks like a browser of its own, so that the
     * session stamp (same headers, address and day) does not join the tests' clients into one session.
     */
    private static String userAgent(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("cid=")) {
                return "d8a-it/" + pair.substring(4);
            }
        }
        return "d8a-it";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
