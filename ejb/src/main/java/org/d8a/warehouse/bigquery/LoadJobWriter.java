package org.d8a.warehouse.bigquery;

import com.google.cloud.RetryOption;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.RejectedRowsException;
import org.d8a.warehouse.WarehouseException;

/**
 * The default writer: one NDJSON load job per delivery chunk (load jobs are free; BigQuery allows ~1 500 per table and
 * day, so never one per session). The job id is derived from the chunk ({@link NdjsonChunk}): before loading, a job of
 * that id that already succeeded means an earlier delivery loaded the chunk and crashed before the spool forgot it.
 */
final class LoadJobWriter implements RowWriter {

    /** More failed jobs than that for one chunk is a chunk that cannot load; the spool quarantines it. */
    private static final int MAX_ATTEMPTS = 50;

    private static final String INVALID = "invalid";

    private final BigQuery bigquery;
    private final Duration timeout;

    LoadJobWriter(BigQuery bigquery, Duration timeout) {
        this.bigquery = bigquery;
        this.timeout = timeout;
    }

    @Override
    public void write(TableId table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
        NdjsonChunk chunk;
        try {
            chunk = NdjsonChunk.of(table.getDataset() + "." + table.getTable(), schema, rows);
        } catch (IllegalArgumentException e) {
            throw new RejectedRowsException(e.getMessage(), e);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            JobId id = JobId.of(chunk.jobId(attempt));
            Job earlier = existing(id);
            if (earlier != null) {
                if (succeeded(await(earlier))) {
                    return;
                }
                // That attempt's job failed and its id is spent: the next id is free for a new job.
                continue;
            }
            Job done = await(load(id, table, chunk.bytes()));
            if (succeeded(done)) {
                return;
            }
            String failure = "load job failed: " + describe(done);
            // "invalid" is BigQuery's reason for data it refused; the others (backendError, quotaExceeded, ...)
            // concern the job, and the whole chunk waits for its next attempt.
            throw INVALID.equals(done.getStatus().getError().getReason()) ? new RejectedRowsException(failure)
                    : new WarehouseException(failure);
        }
        throw new WarehouseException("load job failed: " + MAX_ATTEMPTS + " jobs of this chunk failed");
    }

    private Job existing(JobId id) throws WarehouseException {
        try {
            return bigquery.getJob(id);
        } catch (BigQueryException e) {
            throw new WarehouseException("error looking up load job " + id.getJob() + ": " + e.getMessage(), e);
        }
    }

    private Job load(JobId id, TableId table, byte[] ndjson) throws WarehouseException {
        WriteChannelConfiguration configuration = WriteChannelConfiguration.newBuilder(table)
                .setFormatOptions(FormatOptions.json())
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_APPEND)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
                .setAutodetect(false)
                .setIgnoreUnknownValues(false)
                .setMaxBadRecords(0)
                .build();
        TableDataWriteChannel channel;
        try {
            channel = bigquery.writer(id, configuration);
        } catch (BigQueryException e) {
            if (e.getCode() == 409) {
                // Another node started the same chunk's job a moment ago: its outcome is this write's.
                return existing(id);
            }
            throw new WarehouseException("error starting load job: " + e.getMessage(), e);
        }
        try (channel) {
            ByteBuffer buffer = ByteBuffer.wrap(ndjson);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException | BigQueryException e) {
            throw new WarehouseException("error starting load job: " + e.getMessage(), e);
        }
        Job job = channel.getJob();
        if (job == null) {
            throw new WarehouseException("error starting load job: BigQuery returned no job for " + id.getJob());
        }
        return job;
    }

    private Job await(Job job) throws WarehouseException {
        try {
            Job done = job.waitFor(RetryOption.totalTimeoutDuration(timeout));
            if (done == null) {
                throw new WarehouseException("error waiting for load job: job " + job.getJobId().getJob()
                        + " no longer exists");
            }
            if (!done.isDone()) {
                throw new WarehouseException("error waiting for load job: not done after " + timeout);
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("error waiting for load job: interrupted", e);
        } catch (BigQueryException e) {
            // The client reports a job that failed as an exception; the job itself has the row errors.
            Job failed = existing(job.getJobId());
            if (failed != null && failed.isDone()) {
                return failed;
            }
            throw new WarehouseException("error waiting for load job: " + e.getMessage(), e);
        }
    }

    private static boolean succeeded(Job done) {
        return done.getStatus().getError() == null;
    }

    /** The job's error and the row errors BigQuery lists with it (they name the column and the value). */
    private static String describe(Job done) {
        BigQueryError error = done.getStatus().getError();
        List<BigQueryError> details = done.getStatus().getExecutionErrors();
        String rows = details == null ? "" : details.stream().map(BigQueryError::getMessage)
                .filter(message -> message != null && !message.equals(error.getMessage()))
                .collect(Collectors.joining("; "));
        return error.getMessage() + (rows.isEmpty() ? "" : ": " + rows);
    }

    @Override
    public void close() {
    }
}
