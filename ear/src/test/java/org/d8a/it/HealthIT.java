package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The health checks as a load balancer or Kubernetes reads them: MicroProfile Health on WildFly's management
 * interface (standalone-config/scripts/server.cli), with the application's checks, and the reference's
 * {@code /healthz} on the collect port.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    /** WildFly's management port, where MicroProfile Health answers. */
    private static final int MANAGEMENT_PORT = 9990;

    @ArquillianResource
    URL baseUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("d8a.ear")));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of each check of a health response, by name. */
    private Map<String, String> checks(String path) throws Exception {
        HttpResponse<String> response = get(new URI("http", null, baseUrl.getHost(), MANAGEMENT_PORT, path, null,
                null));
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject health = reader.readObject();
            assertEquals("UP", health.getString("status"), response.body());
            Map<String, String> statuses = new TreeMap<>();
            health.getJsonArray("checks").forEach(check -> statuses.put(((JsonObject) check).getString("name"),
                    ((JsonObject) check).getString("status")));
            return statuses;
        }
    }

    @Test
    void readinessAndLivenessReportTheApplicationsChecks() throws Exception {
        Map<String, String> ready = checks("/health/ready");
        for (String check : new String[] {"d8a-database", "d8a-hits-queue", "d8a-warehouse", "d8a-spool"}) {
            assertEquals("UP", ready.get(check), check + " in " + ready);
        }
        assertEquals("UP", checks("/health/live").get("d8a-timing-wheel"));

        HttpResponse<String> healthz = get(baseUrl.toURI().resolve("/healthz"));
        assertEquals(200, healthz.statusCode());
        assertEquals("OK", healthz.body());
    }
}
