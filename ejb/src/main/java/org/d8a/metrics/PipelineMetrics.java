package org.d8a.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;

/**
 * The pipeline's event meters (counters and timers), named for Prometheus under {@code d8a_}: what arrived, what was
 * refused, how long a publish took, what closed and what was written. Gauges of the pipeline's state are sampled by
 * {@code monitoring.PipelineSampler}. The registry is WildFly's (its micrometer subsystem, exported at
 * {@code /metrics} of the management interface). Labels only carry bounded values: configured property ids, protocol
 * ids, reason codes, driver and job names, never what a client sent.
 */
@ApplicationScoped
public class PipelineMetrics {

    /** The property label of a hit whose property is not configured. */
    public static final String UNKNOWN_PROPERTY = "unknown";

    @Inject
    MeterRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** For tests: the meters on {@code registry}, counted at once instead of after a commit. */
    public static PipelineMetrics on(MeterRegistry registry) {
        PipelineMetrics metrics = new PipelineMetrics();
        metrics.registry = registry;
        return metrics;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** {@code hits} hits of {@code property} accepted (queued durably) on the endpoint of {@code protocol}. */
    public void hitsReceived(String protocol, String property, int hits) {
        Counter.builder("d8a.hits.received").description("hits accepted and queued durably (answered 2xx)")
                .tag("protocol", protocol).tag("property", property).register(registry).increment(hits);
    }

    /** A request refused on the endpoint of {@code protocol}, for {@code reason} (one of {@link RejectReason}). */
    public void requestRejected(String protocol, String property, RejectReason reason) {
        Counter.builder("d8a.requests.rejected").description("collect requests refused, none of their hits kept")
                .tag("protocol", protocol).tag("property", property).tag("reason", reason.label())
                .register(registry).increment();
    }

    /** How long a request waited for its hits to be durably in the hits queue. */
    public void publishLatency(Duration waited) {
        Timer.builder("d8a.publish.latency").description("time from a request's hits handed to the publisher to "
                        + "their commit in the hits queue").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(waited);
    }

    /** {@code sessions} proto-sessions closed, once the closing transaction commits. */
    public void sessionsClosed(int sessions) {
        afterCommit(() -> Counter.builder("d8a.sessions.closed").description("proto-sessions closed")
                .register(registry).increment(sessions));
    }

    /** Rows written for {@code warehouse} once the delivering transaction commits, and the parts splits added. */
    public void rowsDelivered(String warehouse, int rows, int extraSessionParts) {
        afterCommit(() -> {
            Counter.builder("d8a.rows.delivered").description("rows written to the warehouse")
                    .tag("warehouse", warehouse).register(registry).increment(rows);
            Counter.builder("d8a.sessions.split").description("session parts added by the session splitter")
                    .register(registry).increment(extraSessionParts);
        });
    }

    /** Rows the warehouse refused (they stay spooled and are retried). */
    public void rowsFailed(String warehouse, int rows) {
        Counter.builder("d8a.rows.failed").description("rows the warehouse refused; their sessions are retried")
                .tag("warehouse", warehouse).register(registry).increment(rows);
    }

    /** From a spooled session's close to its rows written, once the delivering transaction commits. */
    public void deliveryLatency(Duration sinceClose) {
        afterCommit(() -> Timer.builder("d8a.delivery.latency")
                .description("time from a session's close to its rows written to the warehouse")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(2)).register(registry).record(sinceClose));
    }

    /** A Jakarta Batch execution of {@code job} ended with {@code status}. */
    public void jobEnded(String job, String status) {
        Counter.builder("d8a.job.executions").description("Jakarta Batch job executions ended, by final status")
                .tag("job", job).tag("status", status).register(registry).increment();
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
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
