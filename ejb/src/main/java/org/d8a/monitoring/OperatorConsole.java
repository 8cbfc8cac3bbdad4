package org.d8a.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.d8a.queue.QueueBacklog;

/**
 * What the operator's page ({@code /admin/}) reads of the pipeline beyond the spool and the jobs, and the switch of
 * the hits queue it offers: pausing stops the consumers (hits are still accepted and kept in the queue), resuming
 * lets them drain it.
 */
@ApplicationScoped
public class OperatorConsole {

    @Inject
    PipelineSampler sampler;

    @Inject
    QueueBacklog queue;

    /** A fresh sample (the page shows current values, not up to ten seconds old ones). */
    public PipelineSample now() {
        return sampler.take();
    }

    /** The last hour of samples, oldest first. */
    public List<PipelineSample> lastHour() {
        return sampler.history();
    }

    /** Whether the hits queue is on a remote broker, which pauses its queues itself. */
    public boolean queueOnRemoteBroker() {
        return queue.remote();
    }

    public void pauseQueue() {
        queue.pause();
    }

    public void resumeQueue() {
        queue.resume();
    }
}
