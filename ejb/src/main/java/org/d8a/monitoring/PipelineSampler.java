package org.d8a.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.metrics.PipelineMetrics;
import org.d8a.persistence.protosession.ProtoSessionRepository;
import org.d8a.persistence.spool.SpoolRepository;
import org.d8a.persistence.spool.SpoolStatus;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.queue.DataClock;
import org.d8a.queue.QueueBacklog;
import org.d8a.queue.QueueState;
import org.d8a.warehouse.WarehouseSettings;

/**
 * Samples the pipeline every {@value #INTERVAL_MILLIS} ms (and starts the counters of the configured properties at
 * zero): the levels that cost a query (open proto-sessions, the
 * spool) are read once per interval rather than at every scrape, exported as gauges from the newest sample, and kept
 * for the last hour so that the operator's page shows an hour of history as soon as it opens.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PipelineSampler {

    static final long INTERVAL_MILLIS = 10_000;
    /** One hour of samples. */
    static final int KEPT = 360;
    private static final Logger LOG = Logger.getLogger(PipelineSampler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    PipelineMetrics metrics;

    @Inject
    QueueBacklog queue;

    @Inject
    DataClock dataClock;

    @Inject
    ProtoSessionRepository protoSessions;

    @Inject
    SpoolRepository spool;

    @Inject
    PropertyRegistry properties;

    @Inject
    WarehouseSettings warehouse;

    private final Deque<PipelineSample> history = new ArrayDeque<>();
    private volatile PipelineSample latest = new PipelineSample(System.currentTimeMillis(), 0, 0, 0, 0, 0, false, 0,
            0, 0, 0, 0, 0);

    @PostConstruct
    void start() {
        MeterRegistry registry = metrics.registry();
        for (PropertySettings property : properties.all()) {
            metrics.startAtZero(property.protocol(), property.id(), warehouse.driver());
        }
        gauge(registry, "d8a.queue.depth", PipelineSample::queueDepth);
        gauge(registry, "d8a.queue.paused", s -> s.queuePaused() ? 1 : 0);
        gauge(registry, "d8a.protosessions.open", PipelineSample::openProtoSessions);
        gauge(registry, "d8a.spool.depth", PipelineSample::spoolDepth);
        gauge(registry, "d8a.spool.oldest.age.seconds", PipelineSample::spoolOldestAgeSeconds);
        gauge(registry, "d8a.spool.quarantined", PipelineSample::quarantined);
        gauge(registry, "d8a.spool.failing", PipelineSample::failing);
        gauge(registry, "d8a.watermark.lag.seconds", PipelineSample::watermarkLagSeconds);
        // The first sample waits for the timer: during the server's boot the messaging subsystem is not yet in the
        // management model, and the controller logs the failed read of the queue as an ERROR.
        timers.createIntervalTimer(INTERVAL_MILLIS, INTERVAL_MILLIS, new TimerConfig("pipeline sample", false));
    }

    @Timeout
    void onTimer() {
        keep(take());
    }

    /**
     * A sample taken now and not kept in the history (what the operator's page shows on each poll: many open pages
     * must not shorten the hour kept); the newest kept one if the pipeline cannot be read.
     */
    public PipelineSample take() {
        try {
            long now = System.currentTimeMillis();
            QueueState state = queue.state();
            SpoolStatus status = spool.status();
            Long oldest = status.oldestClosedAtMillis();
            PipelineSample sample = new PipelineSample(now, total("d8a.hits.received"),
                    total("d8a.requests.rejected"), total("d8a.sessions.closed"), total("d8a.rows.delivered"),
                    state.messages(), state.paused(), protoSessions.countOpen(), status.depth(),
                    oldest == null ? 0 : Math.max(0, now - oldest) / 1000, status.quarantined(), status.failing(),
                    dataClock.watermarks(now, state.messages() == 0).lagMillis(now) / 1000);
            return sample;
        } catch (RuntimeException e) {
            // the health checks report what is unreachable; the page keeps showing the last sample
            LOG.log(Level.FINE, "sampling the pipeline failed", e);
            return latest;
        }
    }

    /** The samples of the last hour, oldest first. */
    public List<PipelineSample> history() {
        synchronized (history) {
            return new ArrayList<>(history);
        }
    }

    private void keep(PipelineSample sample) {
        if (sample == latest) {
            return;
        }
        synchronized (history) {
            history.addLast(sample);
            while (history.size() > KEPT) {
                history.removeFirst();
            }
        }
        latest = sample;
    }

    private long total(String counter) {
        return (long) metrics.registry().find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Through the registry's own {@code gauge} method, which WildFly exports (see {@code PipelineMetrics}). */
    private void gauge(MeterRegistry registry, String name, ToDoubleFunction<PipelineSample> value) {
        registry.gauge(name, Tags.empty(), this, sampler -> value.applyAsDouble(sampler.latest));
    }
}
