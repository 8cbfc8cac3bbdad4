package org.d8a.batch;

import jakarta.batch.runtime.JobExecution;

/**
 * One execution of a d8a job as the operator's page lists it.
 *
 * @param startedAtMillis null before it started
 * @param endedAtMillis null while it runs
 */
public record JobRun(long executionId, String job, String status, String exitStatus, Long startedAtMillis,
        Long endedAtMillis) {

    static JobRun of(JobExecution execution) {
        return new JobRun(execution.getExecutionId(), execution.getJobName(), execution.getBatchStatus().name(),
                execution.getExitStatus(),
                execution.getStartTime() == null ? null : execution.getStartTime().getTime(),
                execution.getEndTime() == null ? null : execution.getEndTime().getTime());
    }
}
