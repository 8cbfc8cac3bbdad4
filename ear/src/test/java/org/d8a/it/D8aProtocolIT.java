package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A property on the d8a protocol (configuration key {@code protocol: d8a}): its hits arrive on {@code /d/c}, gtag's
 * endpoint refuses them, and rows carry {@code tracking_protocol = d8a} in the d8a column order (spec §2.11, §2.14).
 * Runs its own server, as the property's protocol is deployment configuration.
 */
class D8aProtocolIT {

    @Test
    void d8aPropertyCollectsOnItsOwnEndpointOnly() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "d8a-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        Files.writeString(config, "protocol: d8a\nsessions:\n  timeout: 2s\nwarehouse:\n  files:\n"
                + "    max_segment_age: 1s\n"
                + "    filesystem:\n      path: " + warehouseDir + "\n", StandardCharsets.UTF_8);

        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());
            // The files warehouse has no table to create (a file per segment, its header the columns of its rows),
            // so nothing is written before the first row; the columns are checked on the first file below.
            assertEquals(List.of(), warehouse.all());
            String client = "d8a-" + UUID.randomUUID();
            String hit = "v=2&tid=G-D8A&en=page_view&cid=" + client + "&dl=" + Tracker.encode("https://example.com/a")
                    + "&_dtn=wt&_dtv=1.0";

            HttpResponse<String> refused = new Tracker(server.baseUri()).get(hit);
            assertEquals(400, refused.statusCode());
            assertEquals("property protocol d8a does not match endpoint protocol ga4", refused.body());
            assertEquals(204, new Tracker(server.baseUri(), "/d/c").get(hit).statusCode());

            List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 1,
                    Duration.ofSeconds(60));
            assertEquals("d8a", rows.get(0).get("tracking_protocol"));
            assertEquals("G-D8A", rows.get(0).get("measurement_id"));
            assertEquals("example.com", rows.get(0).get("page_hostname"));
            assertEquals(253, warehouse.header().size(), "the d8a columns of docs/columns.md");

            List<String> header = warehouse.header();
            assertEquals(List.of("tracking_protocol", "client_session_id", "client_session_number",
                    "ecommerce_tax_value", "measurement_id"), header.subList(header.indexOf("tracking_protocol"),
                    header.indexOf("tracking_protocol") + 5), "d8a order of spec §2.14");
            try (JsonReader reader = Json.createReader(new StringReader(HttpClient.newHttpClient().send(
                    AdminApi.as(AdminApi.ADMIN, server.baseUri(), "/properties/default/columns").build(),
                    HttpResponse.BodyHandlers.ofString()).body()))) {
                List<String> described = reader.readArray().stream()
                        .map(column -> ((JsonObject) column).getString("name")).toList();
                assertEquals(described, header);
            }
        }
    }
}
