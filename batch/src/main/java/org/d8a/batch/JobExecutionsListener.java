package org.d8a.batch;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.d8a.metrics.PipelineMetrics;

/**
 * Counts every execution of the d8a jobs by its outcome ({@code d8a_job_executions_total{job,status}}), whoever
 * started it: the delivery timer, the admin API or the management model. Each job's XML names it.
 */
@Named("jobExecutionsListener")
@Dependent
public class JobExecutionsListener implements JobListener {

    @Inject
    JobContext job;

    @Inject
    PipelineMetrics metrics;

    @Override
    public void beforeJob() {
    }

    /**
     * The runtime sets the final status after the job listeners: an execution that reaches this point still
     * {@code STARTED} completes, one {@code STOPPING} stops; a failed step has already marked it {@code FAILED}.
     */
    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        String outcome = switch (status) {
            case STARTED, STARTING -> BatchStatus.COMPLETED.name();
            case STOPPING -> BatchStatus.STOPPED.name();
            default -> status.name();
        };
        metrics.jobEnded(job.getJobName(), outcome);
    }
}
