package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The metrics as Prometheus scrapes them (standalone-config/scripts/metrics.cli): values that move when hits flow,
 * sessions close and rows are written, and refusals counted by reason. DeliveryIT sees {@code d8a_rows_failed_total}
 * grow while its warehouse is broken.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String GA4_DEFAULT = "property=\"default\"";

    @ArquillianResource
    URL baseUrl;

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("d8a.ear")));
    }

    @Test
    void countersMoveWhenHitsFlowAndSessionsAreDelivered() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        PrometheusScrape before = PrometheusScrape.of(root);
        for (String gauge : new String[] {"d8a_queue_depth", "d8a_queue_paused", "d8a_protosessions_open",
                "d8a_spool_depth", "d8a_spool_oldest_age_seconds", "d8a_spool_quarantined",
                "d8a_watermark_lag_seconds"}) {
            assertTrue(before.has(gauge), gauge + " is exported");
        }
        assertTrue(before.sum("d8a_job_executions_total", "job=\"migrate\"", "status=\"COMPLETED\"") >= 1,
                "the migration at deployment was counted");

        Tracker tracker = new Tracker(root);
        String run = "metrics." + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertEquals(204, tracker.pageView(run + i, "https://example.com/metrics").statusCode());
        }
        assertEquals(400, tracker.get("v=2&tid=G-IT&en=page_view&dl=" + Tracker.encode("https://example.com/" + run)).statusCode());

        double received = before.sum("d8a_hits_received_total", "protocol=\"ga4\"", GA4_DEFAULT);
        double rejected = before.sum("d8a_requests_rejected_total", "protocol=\"ga4\"", "reason=\"invalid\"");
        double published = before.sum("d8a_publish_latency_seconds_count");
        double closed = before.sum("d8a_sessions_closed_total");
        double rows = before.sum("d8a_rows_delivered_total", "warehouse=\"files\"");
        double delivered = before.sum("d8a_delivery_latency_seconds_count");
        await("the metrics counted the hits, the sessions and their rows").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    PrometheusScrape now = PrometheusScrape.of(root);
                    return now.sum("d8a_hits_received_total", "protocol=\"ga4\"", GA4_DEFAULT) >= received + 3
                            && now.sum("d8a_requests_rejected_total", "protocol=\"ga4\"", "reason=\"invalid\"")
                            >= rejected + 1
                            && now.sum("d8a_publish_latency_seconds_count") >= published + 3
                            && now.sum("d8a_sessions_closed_total") >= closed + 3
                            && now.sum("d8a_rows_delivered_total", "warehouse=\"files\"") >= rows + 3
                            && now.sum("d8a_delivery_latency_seconds_count") >= delivered + 3;
                });
    }

    @Test
    void theGrafanaDashboardReadsOnlyExportedMetrics() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        String dashboard = Files.readString(Path.of(System.getProperty("d8a.root"), "docs", "grafana",
                "d8a-dashboard.json"));
        Set<String> read = new TreeSet<>();
        Matcher metric = Pattern.compile("d8a_[a-z_]+").matcher(dashboard);
        while (metric.find()) {
            read.add(metric.group());
        }
        assertTrue(read.size() >= 15, "the dashboard reads the d8a metrics: " + read);
        // the timers appear with their first measurement: one hit, its session closed and delivered
        assertEquals(204, new Tracker(root).pageView("dashboard." + System.nanoTime(), "https://example.com/d")
                .statusCode());
        await("every metric of the dashboard exported").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    PrometheusScrape now = PrometheusScrape.of(root);
                    assertEquals(Set.of(), read.stream().filter(name -> !now.has(name))
                            .collect(Collectors.toCollection(TreeSet::new)), "not exported");
                });
    }
}
