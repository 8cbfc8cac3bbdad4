package org.d8a.enrich.geo;

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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The geo provider (spec §6.1, §6.2): locates addresses in the best {@code .mmdb} file of
 * {@code dbip.destination_directory}, which the operator puts there (the reference's download is not built). The
 * directory is scanned at deployment and every 30 s; a better or changed file is opened and swapped in while lookups
 * go on. A file that cannot be opened is logged once and skipped for the next best one, or the current database is
 * kept, so that a bad file never breaks delivery.
 *
 * <p>Swapping never closes the old reader. Databases are memory-mapped, and {@code DatabaseReader.close()} of a mapped
 * file only drops its buffer (Java cannot unmap), which would make the lookups still running on it fail. Left alone,
 * the old database finishes those lookups and its mapping is released by the garbage collector once the last of them
 * lets go of it; the file handle was already closed when the file was mapped.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MmdbGeoLocator implements GeoLocator {

    private static final Logger LOG = Logger.getLogger(MmdbGeoLocator.class.getName());

    private static final long SCAN_MILLIS = 30_000;

    @Inject
    GeoSettings settings;

    @Resource
    TimerService timers;

    private volatile CityDatabase current;

    /** Versions that could not be opened: each is logged once, and tried again only when it changes. */
    private final Set<MmdbFileVersion> refused = new HashSet<>();

    /** What the last scan said about an unusable directory, so that it is said once, not every 30 s. */
    private String directoryState = "";

    public MmdbGeoLocator() {
    }

    /** A locator for code that runs outside the container, which calls {@link #scan()} itself. */
    public MmdbGeoLocator(GeoSettings settings) {
        this.settings = settings;
    }

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            return;
        }
        scan();
        timers.createIntervalTimer(SCAN_MILLIS, SCAN_MILLIS, new TimerConfig("d8a geo database scan", false));
    }

    @Timeout
    void tick() {
        scan();
    }

    @Override
    public Optional<GeoLocation> locate(String ip) {
        CityDatabase database = current;
        return database == null ? Optional.empty() : database.locate(ip);
    }

    /**
     * Uses the best file that opens: the current database stays when it is still the best usable file, and also when
     * no file opens at all (a database that was deleted stays mapped and keeps answering).
     */
    synchronized void scan() {
        if (!settings.enabled()) {
            return;
        }
        Path directory = settings.directory();
        List<Path> candidates;
        try {
            candidates = candidates(directory);
        } catch (NoSuchFileException e) {
            directoryUnusable(directory, "does not exist");
            return;
        } catch (IOException e) {
            directoryUnusable(directory, "cannot be read (" + e.getMessage() + ")");
            return;
        }
        if (candidates.isEmpty() && current == null) {
            directoryUnusable(directory, "holds no .mmdb file");
            return;
        }
        directoryState = "";
        for (Path candidate : candidates) {
            if (useIfOpens(candidate)) {
                return;
            }
        }
    }

    /** Whether {@code file} is now the database: it already was, or it opened and was swapped in. */
    private boolean useIfOpens(Path file) {
        MmdbFileVersion version;
        try {
            version = MmdbFileVersion.of(file);
        } catch (IOException e) {
            return false; // gone between the listing and now: the next candidate
        }
        CityDatabase database = current;
        if (database != null && database.file().equals(version)) {
            return true;
        }
        if (refused.contains(version)) {
            return false;
        }
        try {
            current = CityDatabase.open(version);
            LOG.info(() -> "geo lookups use " + version.path());
            return true;
        } catch (IOException | RuntimeException e) {
            refused.add(version);
            LOG.warning(() -> "geo database " + version.path() + " cannot be used and is skipped until it changes: "
                    + e.getMessage());
            return false;
        }
    }

    private static List<Path> candidates(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            List<String> names = entries.filter(Files::isRegularFile).map(path -> path.getFileName().toString())
                    .toList();
            return MmdbFilePreference.bestFirst(names).stream().map(directory::resolve).toList();
        }
    }

    private void directoryUnusable(Path directory, String why) {
        if (why.equals(directoryState)) {
            return;
        }
        directoryState = why;
        CityDatabase database = current;
        String consequence = database == null ? "geo columns are null until a .mmdb file is put there"
                : "lookups go on in " + database.file().path() + ", which is still open";
        LOG.warning(() -> "geo directory " + directory + " (dbip.destination_directory) " + why + ": " + consequence);
    }
}
