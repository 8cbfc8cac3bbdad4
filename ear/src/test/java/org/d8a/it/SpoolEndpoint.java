package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What {@code GET /spool} reports, as an operator's script reads it. */
final class SpoolEndpoint {

    private SpoolEndpoint() {
    }

    static JsonObject read(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = AdminApi.get(base, "/spool");
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    static long depth(URI base) throws IOException, InterruptedException {
        return read(base).getJsonNumber("depth").longValue();
    }

    /** Waits until the spool's {@code last_error} contains {@code text}; returns what it then reports. */
    static JsonObject awaitLastError(URI base, String text) {
        return await("a last error with \"" + text + "\"").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> read(base), seen -> seen.getString("last_error", "").contains(text));
    }
}
