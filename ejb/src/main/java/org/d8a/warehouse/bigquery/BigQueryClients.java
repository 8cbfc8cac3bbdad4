package org.d8a.warehouse.bigquery;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.auth.Credentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.util.List;
import org.d8a.warehouse.googlecloud.GoogleCredentialsSource;

/**
 * Builds the BigQuery driver from its settings: the REST client, and the Storage Write API's gRPC client for the
 * streaming writer. An emulator's endpoints get no credentials and a plaintext channel.
 */
public final class BigQueryClients {

    private static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/bigquery");

    private BigQueryClients() {
    }

    /** Reads every setting first, so that a bad one fails the deployment rather than the first delivery. */
    public static BigQueryDriver driver(BigQuerySettings settings) {
        String project = settings.projectId();
        String dataset = settings.datasetName();
        WriterType writerType = settings.writerType();
        StreamType streamType = settings.streamType();
        TablePartitioning partitioning = new TablePartitioning(settings.partitionField(),
                settings.partitionInterval(), settings.partitionExpirationDays());
        Credentials credentials = settings.emulator() ? NoCredentials.getInstance()
                : GoogleCredentialsSource.load("warehouse.bigquery.creds_json", settings.credsJson(), SCOPES);
        // The client retries a call that failed to connect for 50 s by default: the query timeout bounds every call,
        // so that a warehouse that is down fails the delivery in time and the sessions wait for the next one.
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(project)
                .setCredentials(credentials)
                .setRetrySettings(ServiceOptions.getDefaultRetrySettings().toBuilder()
                        .setTotalTimeoutDuration(settings.queryTimeout()).build());
        if (!settings.endpoint().isEmpty()) {
            options.setHost(settings.endpoint());
        }
        BigQuery bigquery = options.build().getService();
        PendingStreamCommits commits = new PendingStreamCommits(() -> writeClient(settings, credentials));
        RowWriter writer = writerType == WriterType.LOADJOB
                ? new LoadJobWriter(bigquery, settings.queryTimeout())
                : new StorageWriteWriter(commits, project, streamType, settings.queryTimeout());
        return new BigQueryDriver(bigquery, dataset, partitioning,
                new TableVisibility(bigquery, settings.tableCreationTimeout()), writer, commits);
    }

    private static BigQueryWriteClient writeClient(BigQuerySettings settings, Credentials credentials) {
        try {
            BigQueryWriteSettings.Builder builder = BigQueryWriteSettings.newBuilder();
            if (!settings.storageEndpoint().isEmpty()) {
                builder.setEndpoint(settings.storageEndpoint());
            }
            if (settings.emulator()) {
                builder.setCredentialsProvider(NoCredentialsProvider.create())
                        .setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                                .setEndpoint(settings.storageEndpoint())
                                .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                                .build());
            } else {
                builder.setCredentialsProvider(FixedCredentialsProvider.create(credentials));
            }
            return BigQueryWriteClient.create(builder.build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the BigQuery Storage Write API client: " + e.getMessage(),
                    e);
        }
    }
}
