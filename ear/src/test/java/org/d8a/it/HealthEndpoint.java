package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * MicroProfile Health as a load balancer reads it, on the management port of the test server: {@code 200} and
 * {@code UP} when every check is up, {@code 503} and {@code DOWN} otherwise.
 */
final class HealthEndpoint {

    /** WildFly's management port, where MicroProfile Health answers. */
    private static final int MANAGEMENT_PORT = 9990;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JsonObject body;

    private HealthEndpoint(JsonObject body) {
        this.body = body;
    }

    /** {@code path} ({@code /health/ready}, {@code /health/live}) of the server {@code base} belongs to. */
    static HealthEndpoint read(URI base, String path) throws IOException, InterruptedException, URISyntaxException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(new URI("http", null, base.getHost(),
                MANAGEMENT_PORT, path, null, null)).build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            HealthEndpoint health = new HealthEndpoint(reader.readObject());
            assertEquals(health.up() ? 200 : 503, response.statusCode(), response.body());
            return health;
        }
    }

    boolean up() {
        return "UP".equals(body.getString("status"));
    }

    /** The check of that name, if the response has it. */
    Optional<JsonObject> check(String name) {
        return body.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals(name)).findFirst();
    }

    /** The status of the check of that name ({@code UP}, {@code DOWN}); fails when the response lacks it. */
    String status(String name) {
        return check(name).orElseThrow(() -> new AssertionError("no check " + name + " in " + body))
                .getString("status");
    }

    @Override
    public String toString() {
        return body.toString();
    }
}
