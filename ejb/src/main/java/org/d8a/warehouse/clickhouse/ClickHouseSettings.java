package org.d8a.warehouse.clickhouse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.d8a.config.ConfigReader;

/**
 * The keys of {@code warehouse.driver: clickhouse} (spec/warehouses.md §2.1), with the HTTP interface's port and the
 * keys of our own: {@code secure}, {@code compression} and {@code datasource}.
 */
@ApplicationScoped
public class ClickHouseSettings {

    @Inject
    ConfigReader config;

    public ClickHouseSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public ClickHouseSettings(ConfigReader config) {
        this.config = config;
    }

    /** Host of the ClickHouse HTTP interface; required unless {@code warehouse.clickhouse.datasource} is set. */
    public String host() {
        return required("warehouse.clickhouse.host");
    }

    /**
     * The HTTP interface's port (8123, or 8443 with TLS). The reference's default, 9000, is ClickHouse's native TCP
     * protocol, which the JVM drivers do not speak.
     */
    public int port() {
        return config.integer("warehouse.clickhouse.port", 8123);
    }

    /** The database the table lives in; required. */
    public String database() {
        return required("warehouse.clickhouse.database");
    }

    public String username() {
        return config.string("warehouse.clickhouse.username", "");
    }

    /** As set: a password may begin or end with a space. */
    public String password() {
        return config.value("warehouse.clickhouse.password").orElse("");
    }

    /** ORDER BY of a new table, comma-separated (an expression cannot contain a comma). */
    public String orderBy() {
        return config.string("warehouse.clickhouse.order_by", "property_id,date_utc,session_id");
    }

    /** PARTITION BY of a new table; empty for none. */
    public String partitionBy() {
        return config.rawString("warehouse.clickhouse.partition_by", "toYYYYMM(date_utc)");
    }

    /**
     * ClickHouse's LZ4 compression of requests and responses, on as in the reference. Turn it off for a server (or a
     * proxy in front of one) that does not take it.
     */
    public boolean compression() {
        return config.bool("warehouse.clickhouse.compression", true);
    }

    /** HTTPS instead of HTTP. */
    public boolean secure() {
        return config.bool("warehouse.clickhouse.secure", false);
    }

    /**
     * JNDI name of a WildFly datasource (e.g. {@code java:jboss/datasources/ClickHouse}) to use instead of host,
     * port, TLS and credentials, so that operators manage the connection in the console.
     */
    public Optional<String> datasource() {
        return config.optional("warehouse.clickhouse.datasource");
    }

    private String required(String key) {
        String value = config.string(key, "");
        if (value.isEmpty()) {
            throw new IllegalStateException(key + " is required with warehouse.driver clickhouse");
        }
        return value;
    }
}
