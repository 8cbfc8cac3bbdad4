package org.d8a.enrich.currency;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.logging.Logger;

/**
 * The currency provider (spec §5): converts at the rates of the newest snapshot of
 * {@code currency.destination_directory}, and renews the snapshot every {@code currency.refresh_interval} by
 * downloading the rates of the reference's bases. Nothing here ever stops conversion from answering: offline and
 * without a snapshot every conversion is unavailable (null {@code *_in_usd} columns), and a failed download keeps the
 * snapshot in use, said once per streak of failures.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SnapshotCurrencyConverter implements CurrencyConverter {

    private static final Logger LOG = Logger.getLogger(SnapshotCurrencyConverter.class.getName());

    @Inject
    CurrencySettings settings;

    @Resource
    TimerService timers;

    private Clock clock = Clock.systemUTC();

    private SnapshotFiles files;
    private RatesDownloader downloader;
    private boolean failing;

    private volatile RatesSnapshot snapshot;

    public SnapshotCurrencyConverter() {
    }

    /** A converter for code that runs outside the container, which calls {@link #refresh()} itself. */
    public SnapshotCurrencyConverter(CurrencySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The newest local snapshot is used at once; the first refresh runs in a timer right after deployment, so that a
     * slow source never holds the deployment up (a source URL without {@code {base}} does stop it, here).
     */
    @PostConstruct
    void start() {
        loadNewest();
        if (settings.downloadsRates()) {
            downloader();
            long interval = settings.refreshInterval().toMillis();
            timers.createIntervalTimer(0, interval, new TimerConfig("d8a currency rates refresh", false));
        } else {
            LOG.info(() -> "currency rates are not downloaded (" + (settings.airgapped() ? "airgapped"
                    : "currency.refresh_interval 0") + "): conversions use the snapshots of " + settings.directory());
        }
    }

    @Timeout
    void tick() {
        refresh();
    }

    @Override
    public OptionalDouble convert(String base, String quote, double amount) throws CurrencyConversionException {
        String from = RatesSnapshot.code(base == null ? "" : base);
        String to = RatesSnapshot.code(quote == null ? "" : quote);
        if (from.isEmpty() || to.isEmpty()) {
            throw new CurrencyConversionException("base and quote currencies must be non-empty, got \"" + base
                    + "\" and \"" + quote + "\"");
        }
        if (from.equals(to)) {
            return OptionalDouble.of(amount);
        }
        RatesSnapshot rates = snapshot;
        if (rates == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble rate = rates.rate(from, to);
        return rate.isPresent() ? OptionalDouble.of(amount * rate.getAsDouble()) : OptionalDouble.empty();
    }

    /** Uses the newest valid snapshot of the directory, if there is one; the one in use stays otherwise. */
    synchronized Optional<RatesSnapshot> loadNewest() {
        try {
            Optional<RatesSnapshot> newest = files().newest();
            newest.ifPresent(found -> snapshot = found);
            return newest;
        } catch (IOException e) {
            LOG.warning(() -> "currency snapshots in " + settings.directory() + " cannot be listed: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The reference's refresh: a local snapshot younger than the interval is used as it is; otherwise the rates are
     * downloaded, written as a new snapshot and used. A failure keeps the snapshot in use.
     */
    synchronized void refresh() {
        Optional<RatesSnapshot> local = loadNewest();
        Duration interval = settings.refreshInterval();
        if (local.isPresent() && Duration.between(local.get().createdAt(), clock.instant()).compareTo(interval) < 0) {
            return;
        }
        try {
            RatesSnapshot downloaded = downloader().download(clock.instant());
            files().write(downloaded);
            snapshot = downloaded;
            if (failing) {
                failing = false;
                LOG.info("currency rates downloaded again");
            }
        } catch (RatesDownloadException | IOException e) {
            failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed("interrupted");
        }
    }

    private void failed(String why) {
        if (!failing) {
            failing = true;
            LOG.warning(() -> "currency rates could not be downloaded (" + why + "); conversions go on with "
                    + (snapshot == null ? "no rates (null *_in_usd columns)" : "the snapshot of "
                            + snapshot.createdAt()) + ", and further failures are not logged until a download succeeds");
        }
    }

    private SnapshotFiles files() {
        if (files == null) {
            files = new SnapshotFiles(settings.directory());
        }
        return files;
    }

    private synchronized RatesDownloader downloader() {
        if (downloader == null) {
            downloader = new RatesDownloader(List.of(settings.sourceUrl(), settings.fallbackUrl()),
                    RatesDownloader.BASES);
        }
        return downloader;
    }
}
