package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * interface (standalone-config/scripts/health.cli), with the server's checks, and the reference's {@code /healthz} on
 * the collect port. DeliveryIT sees the warehouse check go DOWN during an outage.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @ArquillianResource
    URL baseUrl;

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("d8a.ear")));
    }

    @Test
    void readinessAndLivenessReportTheServersChecks() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        HealthEndpoint ready = HealthEndpoint.read(root, "/health/ready");
        assertTrue(ready.up(), ready.toString());
        for (String check : new String[] {"d8a-database", "d8a-hits-queue", "d8a-warehouse", "d8a-spool"}) {
            assertEquals("UP", ready.status(check), check + " in " + ready);
        }
        assertEquals(0, ready.check("d8a-hits-queue").orElseThrow().getJsonObject("data").getInt("pages"));
        HealthEndpoint live = HealthEndpoint.read(root, "/health/live");
        assertEquals("UP", live.status("d8a-timing-wheel"), live.toString());

        HttpResponse<String> healthz = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve(
                "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, healthz.statusCode());
        assertEquals("OK", healthz.body());
    }
}
