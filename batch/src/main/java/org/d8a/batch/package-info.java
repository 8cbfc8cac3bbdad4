/**
 * Jakarta Batch jobs of d8a (job XML under {@code META-INF/batch-jobs/}) and their CDI artifacts. Until the spool
 * delivery moves here (the delivery issue), sessions are delivered by {@code org.d8a.delivery.DeliveryTimer}.
 */
package org.d8a.batch;
