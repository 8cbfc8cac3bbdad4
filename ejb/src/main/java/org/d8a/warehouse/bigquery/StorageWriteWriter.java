package org.d8a.warehouse.bigquery;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
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
import org.d8a.warehouse.RejectedRowsException;
import org.d8a.warehouse.WarehouseException;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The streaming writer: the BigQuery Storage Write API (cheaper than {@code insertAll}, which it replaces entirely).
 * Each chunk gets a stream of its own; every append carries the offset of its first row in the chunk, so a retried
 * append is recognised (ALREADY_EXISTS) and never stored twice. A PENDING stream makes the chunk visible in one
 * commit, or not at all; a COMMITTED stream shows each append as it is acknowledged.
 */
final class StorageWriteWriter implements RowWriter {

    /** Rows per append: far below the API's 10 MB request limit for d8a's rows of a few KB. */
    private static final int ROWS_PER_APPEND = 500;

    private final BigQueryWriteClient client;
    private final String project;
    private final StreamType streamType;
    private final java.time.Duration timeout;

    StorageWriteWriter(BigQueryWriteClient client, String project, StreamType streamType,
            java.time.Duration timeout) {
        this.client = client;
        this.project = project;
        this.streamType = streamType;
        this.timeout = timeout;
    }

    @Override
    public void write(TableId table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
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
            if (streamType == StreamType.PENDING) {
                commit(parent, stream);
            }
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

    private void commit(TableName parent, WriteStream stream) throws WarehouseException {
        BatchCommitWriteStreamsResponse committed = client.batchCommitWriteStreams(
                BatchCommitWriteStreamsRequest.newBuilder().setParent(parent.toString())
                        .addWriteStreams(stream.getName()).build());
        if (!committed.hasCommitTime()) {
            throw new WarehouseException("error committing stream " + stream.getName() + ": "
                    + committed.getStreamErrorsList().stream().map(Object::toString)
                            .collect(Collectors.joining("; ")));
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** BigQuery refused rows of the append for their values: the rows' sessions are at fault. */
    private static RejectedRowsException rejected(Exceptions.AppendSerializationError e) {
        return new RejectedRowsException("rows rejected: " + e.getRowIndexToErrorMessage().entrySet().stream()
                .map(row -> "row " + row.getKey() + ": " + row.getValue()).collect(Collectors.joining("; ")), e);
    }
}
