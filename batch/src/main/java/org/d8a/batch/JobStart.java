package org.d8a.batch;

/**
 * The answer to a request to start a job.
 *
 * @param job the job's name
 * @param executionId the execution started, or the one already running when {@code started} is false
 * @param started whether this request started it
 */
public record JobStart(String job, long executionId, boolean started) {
}
