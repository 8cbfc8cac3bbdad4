package org.d8a.warehouse.bigquery;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.Exceptions;
import com.google.cloud.bigquery.storage.v1.JsonStreamWriter;
import com.google.cloud.bigquery.storage.v1.TableName;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.Publication;
import org.d8a.warehouse.RejectedRowsException;
import org.d8a.warehouse.WarehouseException;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The streaming writer: the BigQuery Storage Write API (cheaper than {@code insertAll}, which it replaces entirely).
 * Each chunk gets a stream of its own; every append carries the offset of its first row in the chunk, so a retried
 * append is recognised (ALREADY_EXISTS) and never stored twice. A PENDING stream makes the chunk visible in one
 * commit, or not at all, and a delivery stages it and commits it only after its own transaction committed (exactly
 * once); a COMMITTED stream shows each append as it is acknowledged (at least once across a crash).
 */
final class StorageWriteWriter implements RowWriter {

    /** Rows per append: far below the API's 10 MB request limit for d8a's rows of a few KB. */
    private static final int ROWS_PER_APPEND = 500;

    private final BigQueryWriteClient client;
    private final PendingStreamCommits commits;
    private final String project;
    private final StreamType streamType;
    private final java.time.Duration timeout;

    StorageWriteWriter(PendingStreamCommits commits, String project, StreamType streamType,
            java.time.Duration timeout) {
        this.client = commits.client();
        this.commits = commits;
        this.project = project;
        this.streamType = streamType;
        this.timeout = timeout;
    }

    @Override
    public void write(TableId table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
        WriteStream stream = streamed(table, schema, rows);
        if (streamType == StreamType.PENDING) {
            commit(stream.getName());
        }
    }

    /**
     * A PENDING stream is left finalized and uncommitted: its rows stay invisible until it is published
     * ({@link PendingStreamCommits}). A COMMITTED
     * stream shows rows as they are appended, so it cannot be staged and is written as {@link #write} does.
     */
    @Override
    public String stage(TableId table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
        if (streamType != StreamType.PENDING) {
            write(table, schema, rows);
            return null;
        }
        return streamed(table, schema, rows).getName();
    }

    /** A stream of its own for the chunk, with every row appended, finalized. */
    private WriteStream streamed(TableId table, Schema schema, List<Map<String, Object>> rows)
            throws WarehouseException {
        List<JSONObject> objects = new ArrayList<>(rows.size());
        try {
            for (Map<String, Object> row : rows) {
                objects.add(new JSONObject(BigQueryValues.row(schema, row).toString()));
            }
        } catch (IllegalArgumentException e) {
            throw new RejectedRowsException(e.getMessage(), e);
        }
        TableName parent = TableName.of(project, table.getDataset(), table.getTable());
        try {
            WriteStream stream = client.createWriteStream(CreateWriteStreamRequest.newBuilder()
                    .setParent(parent.toString())
                    .setWriteStream(WriteStream.newBuilder().setType(streamType == StreamType.PENDING
                            ? WriteStream.Type.PENDING : WriteStream.Type.COMMITTED))
                    .build());
            append(stream, StorageSchema.of(schema), objects);
            client.finalizeWriteStream(stream.getName());
            return stream;
        } catch (ApiException e) {
            throw new WarehouseException("error streaming rows to " + table.getDataset() + "." + table.getTable()
                    + ": " + e.getMessage(), e);
        }
    }

    private void append(WriteStream stream, TableSchema schema, List<JSONObject> objects)
            throws WarehouseException {
        try (JsonStreamWriter writer = JsonStreamWriter.newBuilder(stream.getName(), schema, client).build()) {
            List<ApiFuture<AppendRowsResponse>> pending = new ArrayList<>();
            for (int offset = 0; offset < objects.size(); offset += ROWS_PER_APPEND) {
                JSONArray batch = new JSONArray(objects.subList(offset,
                        Math.min(objects.size(), offset + ROWS_PER_APPEND)));
                pending.add(writer.append(batch, offset));
            }
            for (ApiFuture<AppendRowsResponse> response : pending) {
                AppendRowsResponse result = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (result.hasError()) {
                    throw new WarehouseException("error streaming rows: " + result.getError().getMessage());
                }
            }
        } catch (Exceptions.AppendSerializationError e) {
            throw rejected(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exceptions.AppendSerializationError refused) {
                throw rejected(refused);
            }
            throw new WarehouseException("error streaming rows: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new WarehouseException("error streaming rows: no answer after " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("error streaming rows: interrupted", e);
        } catch (Exception e) {
            if (e instanceof WarehouseException warehouse) {
                throw warehouse;
            }
            throw new WarehouseException("error streaming rows: " + e.getMessage(), e);
        }
    }

    private void commit(String stream) throws WarehouseException {
        if (commits.publish(stream) == Publication.GONE) {
            throw new WarehouseException("error committing stream " + stream + ": BigQuery no longer holds it");
        }
    }

    /** The client belongs to {@link PendingStreamCommits}, which closes it. */
    @Override
    public void close() {
    }

    /** BigQuery refused rows of the append for their values: the rows' sessions are at fault. */
    private static RejectedRowsException rejected(Exceptions.AppendSerializationError e) {
        return new RejectedRowsException("rows rejected: " + e.getRowIndexToErrorMessage().entrySet().stream()
                .map(row -> "row " + row.getKey() + ": " + row.getValue()).collect(Collectors.joining("; ")), e);
    }
}
