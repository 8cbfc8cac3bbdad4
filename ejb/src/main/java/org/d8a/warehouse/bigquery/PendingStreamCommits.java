package org.d8a.warehouse.bigquery;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.StorageError;
import com.google.cloud.bigquery.storage.v1.StorageError.StorageErrorCode;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.d8a.warehouse.Publication;
import org.d8a.warehouse.WarehouseException;

/**
 * Commits finalized PENDING write streams, the staged writes of deliveries. It serves whatever the writer type is now:
 * a stream staged by the streaming writer before a restart with {@code writer_type: loadjob} is still committed (and
 * found committed), so changing the writer never writes a chunk twice. Its Storage Write client is made at the first
 * use, so a load-job deployment that never staged opens none.
 */
final class PendingStreamCommits implements AutoCloseable {

    private final Supplier<BigQueryWriteClient> factory;
    private BigQueryWriteClient client;

    PendingStreamCommits(Supplier<BigQueryWriteClient> factory) {
        this.factory = factory;
    }

    synchronized BigQueryWriteClient client() {
        if (client == null) {
            client = factory.get();
        }
        return client;
    }

    /**
     * Commits the finalized stream. BigQuery reports a stream committed before as STREAM_ALREADY_COMMITTED, and one it
     * no longer holds (uncommitted streams expire) as STREAM_NOT_FOUND: its rows were never visible.
     */
    Publication publish(String stream) throws WarehouseException {
        BatchCommitWriteStreamsResponse committed;
        try {
            committed = client().batchCommitWriteStreams(BatchCommitWriteStreamsRequest.newBuilder()
                    .setParent(tableOf(stream)).addWriteStreams(stream).build());
        } catch (NotFoundException e) {
            return Publication.GONE;
        } catch (ApiException e) {
            throw new WarehouseException("error committing stream " + stream + ": " + e.getMessage(), e);
        }
        if (committed.hasCommitTime()) {
            return Publication.PUBLISHED;
        }
        List<StorageError> errors = committed.getStreamErrorsList();
        if (!errors.isEmpty()
                && errors.stream().allMatch(error -> error.getCode() == StorageErrorCode.STREAM_ALREADY_COMMITTED)) {
            return Publication.PUBLISHED;
        }
        if (errors.stream().anyMatch(error -> error.getCode() == StorageErrorCode.STREAM_NOT_FOUND
                || error.getCode() == StorageErrorCode.TABLE_NOT_FOUND)) {
            return Publication.GONE;
        }
        throw new WarehouseException("error committing stream " + stream + ": "
                + errors.stream().map(error -> error.getCode() + " " + error.getErrorMessage())
                        .collect(Collectors.joining("; ")));
    }

    /** {@code projects/p/datasets/d/tables/t}, the table a stream's name begins with. */
    private static String tableOf(String stream) throws WarehouseException {
        int streams = stream.indexOf("/streams/");
        if (streams < 0) {
            throw new WarehouseException("error committing stream " + stream + ": not the name of a write stream");
        }
        return stream.substring(0, streams);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
