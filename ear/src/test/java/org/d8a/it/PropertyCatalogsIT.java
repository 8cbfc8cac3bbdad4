package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code ga4} property (the default) and a {@code d8a} property ({@code d8a-site} of d8a-it.yaml, table
 * {@code d8a_events}) served side by side (architecture decision 11): each gets its own column catalog and its own
 * table.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PropertyCatalogsIT {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(60);

    @ArquillianResource
    @OperateOnDeployment("d8a")
    URL baseUrl;

    @Deployment(name = "d8a", testable = false, order = 1)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("d8a.ear")));
    }

    @Deployment(name = "pipeline", testable = false, order = 2)
    static WebArchive pipelineProbe() {
        return Pipeline.probe();
    }

    @Test
    void aGa4AndAD8aPropertyHaveTheirOwnColumnsAndTables() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        Pipeline pipeline = Pipeline.ofTestServer(root);
        Path warehouseDir = Path.of(System.getProperty("d8a.it.dir"), "warehouse");
        WarehouseRows events = new WarehouseRows(warehouseDir, pipeline);
        WarehouseRows d8aEvents = new WarehouseRows(warehouseDir, pipeline, "d8a_events");
        String ga4Client = "catalog-ga4-" + UUID.randomUUID();
        String d8aClient = "catalog-d8a-" + UUID.randomUUID();

        assertEquals(204, new Tracker(root).get("v=2&tid=G-TEST&en=page_view&cid=" + ga4Client).statusCode());
        assertEquals(204, new Tracker(root, "/d/c").get("v=2&tid=G-D8ASITE&en=page_view&cid=" + d8aClient)
                .statusCode());

        Map<String, String> ga4Row = events.await(WarehouseRows.ofClients(ga4Client), 1, ROWS_TIMEOUT).get(0);
        Map<String, String> d8aRow = d8aEvents.await(WarehouseRows.ofClients(d8aClient), 1, ROWS_TIMEOUT).get(0);
        assertEquals("default", ga4Row.get("property_id"));
        assertEquals("ga4_gtag", ga4Row.get("tracking_protocol"));
        assertEquals("d8a-site", d8aRow.get("property_id"));
        assertEquals("d8a site", d8aRow.get("property_name"));
        assertEquals("d8a", d8aRow.get("tracking_protocol"));
        // both awaits waited for the drained pipeline: nothing of either client is anywhere else
        assertEquals(List.of(), events.matching(WarehouseRows.ofClients(d8aClient)));
        assertEquals(List.of(), d8aEvents.matching(WarehouseRows.ofClients(ga4Client)));

        List<JsonObject> ga4Columns = columns(root, "default");
        List<JsonObject> d8aColumns = columns(root, "d8a-site");
        assertEquals(d8aColumns.stream().map(column -> column.getString("name")).toList(), d8aEvents.header(),
                "the d8a table has the d8a property's columns, in its order");
        assertTrue(ga4Columns.stream().anyMatch(column -> column.getString("interfaceId").startsWith("ga4.")),
                "the ga4 property's protocol columns are under ga4 interface ids");
        assertTrue(d8aColumns.stream().noneMatch(column -> column.getString("interfaceId").startsWith("ga4.")),
                "the d8a property's columns are all under d8a interface ids");
        assertTrue(d8aColumns.stream().anyMatch(column -> column.getString("interfaceId").startsWith("d8a.")));
    }

    private static List<JsonObject> columns(URI root, String propertyId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(AdminApi.as(AdminApi.ADMIN,
                root, "/properties/" + propertyId + "/columns").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray().stream().map(JsonObject.class::cast).toList();
        }
    }
}
