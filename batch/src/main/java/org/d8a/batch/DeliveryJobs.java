package org.d8a.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.cluster.NodeLeadership;
import org.d8a.delivery.DeliveryOutage;
import org.d8a.delivery.DeliverySettings;
import org.d8a.persistence.spool.SpoolRepository;
import org.d8a.rawlog.RawLogSettings;
import org.d8a.warehouse.WarehouseSettings;
import org.d8a.warehouse.bigquery.BigQuerySettings;
import org.d8a.warehouse.bigquery.LoadJobQuota;
import org.d8a.warehouse.bigquery.WriterType;

/**
 * Starts the Jakarta Batch jobs: {@code deliver} every {@code delivery.interval} while sessions are due (one
 * execution at a time; during a warehouse outage after the pause {@link DeliveryOutage} sets), {@code migrate} at deployment, and any of them ({@code replay} too) on demand. Executions are visible and startable
 * in the server's management model ({@code /deployment=d8a.ear/subdeployment=d8a-batch.jar/subsystem=batch-jberet}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryJobs {

    public static final String DELIVER = "deliver";
    public static final String REDELIVER = "redeliver";
    public static final String REPLAY = "replay";
    public static final String MIGRATE = "migrate";
    private static final Logger LOG = Logger.getLogger(DeliveryJobs.class.getName());
    private static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING);

    @Resource
    TimerService timers;

    @Inject
    DeliverySettings delivery;

    @Inject
    RawLogSettings rawLog;

    @Inject
    SpoolRepository spool;

    @Inject
    DeliveryOutage outage;

    @Inject
    WarehouseSettings warehouse;

    @Inject
    BigQuerySettings bigquery;

    @Inject
    NodeLeadership leadership;

    private long lastDelivery = -1;
    /** The leadership term in which this node last looked for a cut-off delivery. */
    private long restartedInTerm;

    @PostConstruct
    void schedule() {
        // as soon as the deployment is up: migrate and resume a delivery a crash cut off; then deliver every interval
        timers.createSingleActionTimer(1, new TimerConfig(MIGRATE, false));
        long interval = delivery.interval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(DELIVER, false));
        if ("bigquery".equals(warehouse.driver()) && bigquery.writerType() == WriterType.LOADJOB) {
            LoadJobQuota.warning(delivery.interval()).ifPresent(LOG::warning);
        }
    }

    @Timeout
    void onTimer(Timer timer) {
        if (MIGRATE.equals(timer.getInfo())) {
            try {
                startMigration();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "starting the migrate job failed; start it with POST /spool/migrate", e);
            }
            try {
                resumeIfNewlyLeading();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the cluster lease could not be read; the next deliver tick looks again for a"
                        + " cut-off delivery", e);
            }
            return;
        }
        deliverDueSessions();
    }

    /**
     * In a cluster only the leader starts deliveries (a delivery another node starts by hand is safe too: the spool's
     * row locks keep two from taking the same session). A node that takes over first restarts the delivery its
     * predecessor may have left cut off (a single server does so once, right after deployment).
     */
    private void deliverDueSessions() {
        try {
            if (!resumeIfNewlyLeading()) {
                return;
            }
            long now = System.currentTimeMillis();
            if (!isRunning(lastDelivery) && !outage.pausing(now) && (!spool.dueIds(now, 0, 1).isEmpty()
                    || spool.hasStaged())) {
                startDelivery();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "starting the deliver job failed; the next tick tries again", e);
        }
    }

    /** Whether this node leads; in a term it has just begun, first restarts a cut-off delivery. */
    private synchronized boolean resumeIfNewlyLeading() {
        if (!leadership.leads()) {
            return false;
        }
        if (leadership.term() != restartedInTerm) {
            restartedInTerm = leadership.term();
            restartInterruptedDelivery();
        }
        return true;
    }

    /**
     * A deliver execution that the job repository still records as running when this node starts leading (right
     * after deployment, or when it takes over from a leader that died) was cut off by a crash: restart it from its
     * last checkpoint (JBeret's default restart mode detects that it no longer runs).
     */
    private void restartInterruptedDelivery() {
        try {
            List<Long> interrupted = jobs().getRunningExecutions(DELIVER);
            if (interrupted.isEmpty()) {
                return;
            }
            long newest = Collections.max(interrupted);
            lastDelivery = jobs().restart(newest, jobs().getParameters(newest));
            LOG.info(() -> "deliver execution " + newest + " was cut off; restarted from its checkpoint as execution "
                    + lastDelivery);
        } catch (NoSuchJobException e) {
            LOG.fine("no deliver job has run yet");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "restarting an interrupted deliver job failed; the next delivery covers its sessions",
                    e);
        }
    }

    /** Starts a deliver job unless one is running; returns the execution id (of the running one, if so). */
    public long startDelivery() {
        return requestDelivery(delivery.chunkSize()).executionId();
    }

    /**
     * Starts a deliver job with {@code chunkSize} sessions per chunk (the configured size when null), unless one is
     * running: then the answer names the running execution and {@code started} is false.
     */
    public synchronized JobStart requestDelivery(Integer chunkSize) {
        if (isRunning(lastDelivery)) {
            return new JobStart(DELIVER, lastDelivery, false);
        }
        Properties parameters = new Properties();
        parameters.setProperty("chunkSize", Integer.toString(chunkSize == null ? delivery.chunkSize() : chunkSize));
        lastDelivery = jobs().start(DELIVER, parameters);
        return new JobStart(DELIVER, lastDelivery, true);
    }

    /** Starts a migrate job: every property's warehouse table created or extended. Returns its execution id. */
    public long startMigration() {
        return jobs().start(MIGRATE, new Properties());
    }

    /**
     * Starts a redeliver job: quarantined sessions go back in line. Returns its execution id.
     *
     * @throws JobRefusedException when no session is quarantined (no job is started)
     */
    public long startRedelivery() {
        if (spool.status().quarantined() == 0) {
            throw new JobRefusedException("nothing is quarantined: no redeliver job started", true);
        }
        return jobs().start(REDELIVER, new Properties());
    }

    /** The newest executions of the d8a jobs, newest first, at most {@code limit}. */
    public List<JobRun> recentExecutions(int limit) {
        List<JobRun> runs = new ArrayList<>();
        for (String job : List.of(DELIVER, REDELIVER, MIGRATE, REPLAY)) {
            try {
                for (JobInstance instance : jobs().getJobInstances(job, 0, limit)) {
                    for (JobExecution execution : jobs().getJobExecutions(instance)) {
                        runs.add(JobRun.of(execution));
                    }
                }
            } catch (NoSuchJobException e) {
                // never run on this server yet
            }
        }
        runs.sort(Comparator.comparingLong(JobRun::executionId).reversed());
        return runs.size() > limit ? List.copyOf(runs.subList(0, limit)) : runs;
    }

    /**
     * Starts a replay of the raw log file or directory {@code path}, which must lie in
     * {@code receiver.raw_log_directory}: every logged request, or with {@code recover} only those whose publish was
     * not confirmed (what a server that died may have accepted without queuing). Returns its execution id.
     *
     * @throws JobRefusedException when the path is elsewhere or does not exist
     */
    public long startReplay(String path, boolean recover) {
        Path logs = rawLog.directory().toAbsolutePath().normalize();
        Path target = logs.resolve(path).toAbsolutePath().normalize();
        if (!target.startsWith(logs) || !Files.exists(target)) {
            throw new JobRefusedException("replay needs an existing file or directory inside " + logs
                    + " (receiver.raw_log_directory), not " + path, false);
        }
        Properties parameters = new Properties();
        parameters.setProperty("path", target.toString());
        parameters.setProperty("recover", Boolean.toString(recover));
        return jobs().start(REPLAY, parameters);
    }

    private boolean isRunning(long executionId) {
        return executionId >= 0 && RUNNING.contains(jobs().getJobExecution(executionId).getBatchStatus());
    }

    private static JobOperator jobs() {
        return BatchRuntime.getJobOperator();
    }
}
