package org.d8a.enrich.geo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.NamedRecord;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.record.Subdivision;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One opened City database (DB-IP City Lite, GeoLite2 City, GeoIP2 City) and the answers it gave recently (spec §6.1:
 * 1024 addresses for 30 s). The cache belongs to the database, not to the locator: a swap replaces both at once, so no
 * lookup still running on the old file can put its answer into the new file's cache.
 */
final class CityDatabase {

    private static final Logger LOG = Logger.getLogger(CityDatabase.class.getName());

    /** The reference's record for an address the database does not hold (spec §6.1 QUIRK). */
    static final GeoLocation NOT_FOUND = new GeoLocation("", null, "", "");

    private final MmdbFileVersion file;
    private final DatabaseReader reader;
    private final Cache<String, GeoLocation> recent;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    private CityDatabase(MmdbFileVersion file, DatabaseReader reader) {
        this.file = file;
        this.reader = reader;
        this.recent = Caffeine.newBuilder().maximumSize(1024).expireAfterWrite(Duration.ofSeconds(30)).build();
    }

    /**
     * Opens {@code file} memory-mapped and checks with one lookup that it is a City database.
     *
     * @throws IOException when the file is not a readable MaxMind DB or not a City database, with a message that says
     *         which
     */
    static CityDatabase open(MmdbFileVersion file) throws IOException {
        DatabaseReader reader = new DatabaseReader.Builder(file.path().toFile())
                .fileMode(Reader.FileMode.MEMORY_MAPPED).build();
        try {
            reader.tryCity(InetAddress.getLoopbackAddress());
        } catch (GeoIp2Exception | RuntimeException e) {
            throw new IOException("not a City database (" + reader.metadata().databaseType() + "): "
                    + e.getMessage(), e);
        }
        return new CityDatabase(file, reader);
    }

    MmdbFileVersion file() {
        return file;
    }

    /** The location of {@code ip}; empty when it does not parse or the lookup fails. */
    Optional<GeoLocation> locate(String ip) {
        Optional<InetAddress> address = IpLiteral.parse(ip);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        GeoLocation known = recent.getIfPresent(ip);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            GeoLocation found = reader.tryCity(address.get()).map(CityDatabase::location).orElse(NOT_FOUND);
            recent.put(ip, found);
            return Optional.of(found);
        } catch (IOException | GeoIp2Exception | RuntimeException | InternalError e) {
            // InternalError: the JVM's report of a fault in a memory-mapped file that was cut short under the reader.
            // A bad database must never break delivery (issue 12): the event gets null geo columns instead.
            if (failureLogged.compareAndSet(false, true)) {
                LOG.warning(() -> "geo lookup in " + file.name() + " failed (" + e
                        + "); its geo columns are null, and further failures of this file are not logged");
            }
            return Optional.empty();
        }
    }

    /** The reference's mapping: English names, {@code ""} for a missing one, except the region which is null then. */
    private static GeoLocation location(CityResponse response) {
        return new GeoLocation(name(response.city()), region(response.subdivisions()), name(response.country()),
                name(response.continent()));
    }

    private static String region(List<Subdivision> subdivisions) {
        if (subdivisions == null || subdivisions.isEmpty()) {
            return null;
        }
        String name = name(subdivisions.get(0));
        return name.isEmpty() ? null : name;
    }

    private static String name(NamedRecord record) {
        Map<String, String> names = record == null ? null : record.names();
        String name = names == null ? null : names.get("en");
        return name == null ? "" : name;
    }
}
