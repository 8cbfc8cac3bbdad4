package org.d8a.warehouse.clickhouse;

import java.util.Properties;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import com.clickhouse.jdbc.DataSourceImpl;

/**
 * Where the ClickHouse driver gets its connections: a WildFly datasource named by
 * {@code warehouse.clickhouse.datasource} (pooled and managed by the operator), or one made from host and port.
 */
public final class ClickHouseDataSources {

    private ClickHouseDataSources() {
    }

    /** The driver that {@code warehouse.driver: clickhouse} selects. */
    public static ClickHouseDriver driver(ClickHouseSettings settings) {
        TableOptions options = TableOptions.mergeTree(settings.partitionBy(), settings.orderBy());
        String database = settings.database();
        if (settings.datasource().isPresent()) {
            String name = settings.datasource().get();
            // The container owns its pool: closing the driver must not close it.
            return new ClickHouseDriver(lookup(name), database, options, () -> { });
        }
        Properties extra = new Properties();
        if (!settings.compression()) {
            extra.setProperty("compress", "false");
        }
        DataSource direct = direct(settings.host(), settings.port(), settings.secure(), database, settings.username(),
                settings.password(), extra);
        // The JDBC driver's own data source keeps no pool (each connection has its HTTP client and is closed after its
        // statement), so there is nothing more to release.
        return new ClickHouseDriver(direct, database, options, () -> { });
    }

    /**
     * A data source of the official JDBC driver over ClickHouse's HTTP interface.
     *
     * @param extra further JDBC driver properties (the tests turn compression off with {@code compress=false})
     */
    public static DataSource direct(String host, int port, boolean secure, String database, String username,
            String password, Properties extra) {
        Properties properties = new Properties();
        properties.putAll(extra);
        properties.setProperty("user", username.isEmpty() ? "default" : username);
        properties.setProperty("password", password);
        String url = "jdbc:clickhouse:" + (secure ? "https" : "http") + "://" + host + ":" + port + "/" + database;
        return new DataSourceImpl(url, properties);
    }

    private static DataSource lookup(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("warehouse.clickhouse.datasource " + name + " cannot be looked up: "
                    + e.getMessage(), e);
        }
    }
}
