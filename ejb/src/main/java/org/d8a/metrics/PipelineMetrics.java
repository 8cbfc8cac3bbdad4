package org.d8a.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.d8a.transactions.OnCommit;

/**
 * The pipeline's event meters (counters and timers), named for Prometheus under {@code d8a_}: what arrived, what was
 * refused, how long a publish took, what closed and what was written. Gauges of the pipeline's state are sampled by
 * {@code monitoring.PipelineSampler}. The registry is WildFly's (its micrometer subsystem, exported at
 * {@code /metrics} of the management interface). Labels only carry bounded values: configured property ids, protocol
 * ids, reason codes, driver and job names, never what a client sent. Meters are made through the registry's own
 * {@code counter}/{@code timer} methods, not the meter builders: WildFly's per-deployment registry forwards only those
 * to the exported registry (a builder's {@code register} would keep the meter in the deployment, unexported), which
 * also means timers export count, sum and max but no histogram buckets.
 */
@ApplicationScoped
public class PipelineMetrics {

    /** The property label of a hit whose property is not configured. */
    public static final String UNKNOWN_PROPERTY = "unknown";

    @Inject
    MeterRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * The meters counted on every request, kept here: the registry finds a meter by name and tags (a map lookup over
     * a new id each time), which the receiver would otherwise pay on each request.
     */
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private volatile Timer publishLatency;

    /** For tests: the meters on {@code registry}, counted at once instead of after a commit. */
    public static PipelineMetrics on(MeterRegistry registry) {
        PipelineMetrics metrics = new PipelineMetrics();
        metrics.registry = registry;
        return metrics;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Creates the counters of a configured property and of the warehouse at zero, before anything happens: Prometheus'
     * {@code rate()} and {@code increase()} miss the first increment of a series that appears with it.
     */
    public void startAtZero(String protocol, String property, String warehouse) {
        hitsReceived(protocol, property, 0);
        for (RejectReason reason : RejectReason.values()) {
            registry.counter("d8a.requests.rejected", "protocol", protocol, "property", property, "reason",
                    reason.label());
        }
        registry.counter("d8a.rows.delivered", "warehouse", warehouse);
        registry.counter("d8a.rows.failed", "warehouse", warehouse);
        registry.counter("d8a.sessions.closed");
        registry.counter("d8a.sessions.split");
    }

    /** {@code hits} hits of {@code property} accepted (queued durably) on the endpoint of {@code protocol}. */
    public void hitsReceived(String protocol, String property, int hits) {
        received.computeIfAbsent(protocol + '\n' + property,
                key -> registry.counter("d8a.hits.received", "protocol", protocol, "property", property))
                .increment(hits);
    }

    /** A request refused on the endpoint of {@code protocol}, for {@code reason}. */
    public void requestRejected(String protocol, String property, RejectReason reason) {
        registry.counter("d8a.requests.rejected", "protocol", protocol, "property", property, "reason",
                reason.label()).increment();
    }

    /** How long a request waited for its hits to be durably in the hits queue. */
    public void publishLatency(Duration waited) {
        Timer timer = publishLatency;
        if (timer == null) {
            timer = registry.timer("d8a.publish.latency");
            publishLatency = timer;
        }
        timer.record(waited);
    }

    /** {@code sessions} proto-sessions closed, once the closing transaction commits. */
    public void sessionsClosed(int sessions) {
        afterCommit(() -> registry.counter("d8a.sessions.closed").increment(sessions));
    }

    /** Rows written for {@code warehouse} once the delivering transaction commits, and the parts splits added. */
    public void rowsDelivered(String warehouse, int rows, int extraSessionParts) {
        afterCommit(() -> {
            registry.counter("d8a.rows.delivered", "warehouse", warehouse).increment(rows);
            registry.counter("d8a.sessions.split").increment(extraSessionParts);
        });
    }

    /** Rows the warehouse refused (they stay spooled and are retried). */
    public void rowsFailed(String warehouse, int rows) {
        registry.counter("d8a.rows.failed", "warehouse", warehouse).increment(rows);
    }

    /** From a spooled session's close to its rows written, once the delivering transaction commits. */
    public void deliveryLatency(Duration sinceClose) {
        afterCommit(() -> registry.timer("d8a.delivery.latency").record(sinceClose));
    }

    /** A Jakarta Batch execution of {@code job} ended with {@code status}. */
    public void jobEnded(String job, String status) {
        registry.counter("d8a.job.executions", "job", job, "status", status).increment();
    }

    /**
     * Counts what a transaction did only if it commits: a rolled-back close or delivery is done again later and
     * would otherwise be counted twice. Outside a transaction (and in tests) it counts at once.
     */
    private void afterCommit(Runnable count) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            count.run();
            return;
        }
        OnCommit.run(transactions, count);
    }
}
