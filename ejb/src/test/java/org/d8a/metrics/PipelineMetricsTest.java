package org.d8a.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = PipelineMetrics.on(registry);

    @Test
    void hitsAndRefusalsAreCountedWithTheirLabels() {
        metrics.hitsReceived("ga4", "default", 3);
        metrics.hitsReceived("d8a", "default", 1);
        metrics.requestRejected("ga4", PipelineMetrics.UNKNOWN_PROPERTY, RejectReason.TOO_LARGE);
        assertEquals(3, registry.get("d8a.hits.received").tag("protocol", "ga4").tag("property", "default")
                .counter().count());
        assertEquals(1, registry.get("d8a.requests.rejected").tag("reason", "too_large").tag("property", "unknown")
                .counter().count());
    }

    @Test
    void whatATransactionDidCountsOnlyWhenItCommits() {
        List<Synchronization> registered = new ArrayList<>();
        metrics.transactions = transactionWith(registered);
        metrics.sessionsClosed(2);
        metrics.rowsDelivered("files", 5, 1);
        metrics.deliveryLatency(Duration.ofSeconds(3));
        assertEquals(0, registry.find("d8a.sessions.closed").counters().size(), "nothing before the outcome");

        registered.get(0).afterCompletion(Status.STATUS_ROLLEDBACK);
        assertEquals(0, registry.find("d8a.sessions.closed").counters().size(), "a rolled-back close is redone");
        registered.get(1).afterCompletion(Status.STATUS_COMMITTED);
        registered.get(2).afterCompletion(Status.STATUS_COMMITTED);
        assertEquals(5, registry.get("d8a.rows.delivered").tag("warehouse", "files").counter().count());
        assertEquals(1, registry.get("d8a.sessions.split").counter().count());
        assertEquals(1, registry.get("d8a.delivery.latency").timer().count());
    }

    private static TransactionSynchronizationRegistry transactionWith(List<Synchronization> registered) {
        return (TransactionSynchronizationRegistry) Proxy.newProxyInstance(PipelineMetricsTest.class.getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class}, (proxy, method, args) -> switch (
                        method.getName()) {
                    case "getTransactionKey" -> "tx-1";
                    case "registerInterposedSynchronization" -> registered.add((Synchronization) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
