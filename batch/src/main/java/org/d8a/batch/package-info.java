/**
 * Jakarta Batch jobs of d8a (job XML under {@code META-INF/batch-jobs/}), their CDI artifacts, and
 * {@link org.d8a.batch.DeliveryJobs}, which starts them.
 */
package org.d8a.batch;
