package org.d8a.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
        HttpRequest request = HttpRequest.newBuilder(base.resolve(collectPath + "?" + query))
                .header("User-Agent", "d8a-it").timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String query, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(collectPath + "?" + query))
                .header("User-Agent", "d8a-it").header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
