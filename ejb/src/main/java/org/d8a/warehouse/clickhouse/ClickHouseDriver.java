package org.d8a.warehouse.clickhouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.ColumnAlreadyExistsException;
import org.d8a.warehouse.TableAlreadyExistsException;
import org.d8a.warehouse.TableNotFoundException;
import org.d8a.warehouse.WarehouseDriver;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.schema.MissingColumns;

/**
 * The ClickHouse warehouse (spec/warehouses.md §2) over JDBC, with the official ClickHouse JDBC driver (HTTP
 * interface). Tables live in one database; every statement carries {@link StatementSettings}. Writes are one INSERT
 * per call and not transactional: a delivery retried after a failure may insert the same rows again (at least once).
 */
public class ClickHouseDriver implements WarehouseDriver {

    private static final Logger LOG = Logger.getLogger(ClickHouseDriver.class.getName());

    private final DataSource dataSource;
    private final String database;
    private final TableOptions options;
    private final AutoCloseable release;
    private final ColumnCache columns;

    /**
     * @param release what {@link #close()} releases: resources the driver created for its data source; a no-op for
     *        a container's data source
     */
    public ClickHouseDriver(DataSource dataSource, String database, TableOptions options, AutoCloseable release) {
        this(dataSource, database, options, release, Clock.systemUTC());
    }

    ClickHouseDriver(DataSource dataSource, String database, TableOptions options, AutoCloseable release,
            Clock clock) {
        this.dataSource = dataSource;
        this.database = database;
        this.options = options;
        this.release = release;
        this.columns = new ColumnCache(clock);
    }

    @Override
    public void createTable(String table, Schema schema) throws WarehouseException {
        String sql = CreateTableStatement.render(ClickHouseIdentifiers.table(database, table), schema,
                options.forSchema(schema));
        columns.invalidate(table);
        try {
            execute(StatementSettings.apply(sql));
        } catch (SQLException e) {
            if (alreadyExists(e)) {
                throw new TableAlreadyExistsException(name(table));
            }
            throw new WarehouseException("error creating table " + name(table) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void addColumn(String table, Field field) throws WarehouseException {
        try (Connection connection = dataSource.getConnection()) {
            if (TableColumns.exists(connection, database, table, field.getName())) {
                throw new ColumnAlreadyExistsException(name(table), field.getName());
            }
        } catch (SQLException e) {
            throw new WarehouseException("error checking column " + field.getName() + " of table " + name(table)
                    + ": " + e.getMessage(), e);
        }
        String definition;
        try {
            definition = ClickHouseTypes.definition(field);
        } catch (WarehouseException e) {
            throw new WarehouseException("error converting field type: " + e.getMessage(), e);
        }
        columns.invalidate(table);
        try {
            execute(StatementSettings.apply("ALTER TABLE " + ClickHouseIdentifiers.table(database, table)
                    + " ADD COLUMN " + ClickHouseIdentifiers.quote(field.getName()) + " " + definition));
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("already exists") || message.contains("duplicate")) {
                throw new ColumnAlreadyExistsException(name(table), field.getName());
            }
            throw new WarehouseException("error adding column: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Field> missingColumns(String table, Schema schema) throws WarehouseException {
        Map<String, Field> existing = read(table);
        if (existing.isEmpty()) {
            throw new TableNotFoundException(name(table));
        }
        return MissingColumns.find(name(table), existing, schema, new ClickHouseCompatibility());
    }

    @Override
    public void write(String table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
        if (rows.isEmpty()) {
            return;
        }
        JsonEachRowInsert insert = JsonEachRowInsert.of(tableColumns(table, schema), rows);
        String reference = ClickHouseIdentifiers.table(database, table);
        try (Connection connection = dataSource.getConnection()) {
            if (ClientInsert.available(connection)) {
                ClientInsert.send(connection, reference, insert);
            } else {
                execute(connection, insert.statement(reference));
            }
        } catch (SQLException e) {
            throw new WarehouseException("error sending batch to " + name(table) + ": " + e.getMessage(), e);
        }
    }

    /** Releases what the driver created; a container's data source stays the container's. */
    @Override
    public void close() {
        try {
            release.close();
        } catch (Exception e) {
            LOG.warning(() -> "closing the ClickHouse data source failed: " + e.getMessage());
        }
    }

    /**
     * The table's columns in table order, checked against the schema by name and count; a mismatch may be a stale
     * cache entry (a column added since), so the columns are read once more before giving up.
     */
    private List<Field> tableColumns(String table, Schema schema) throws WarehouseException {
        List<Field> cached = columns.get(table);
        if (cached != null && mismatch(cached, schema) == null) {
            return cached;
        }
        List<Field> fresh = new ArrayList<>(read(table).values());
        if (fresh.isEmpty()) {
            throw new TableNotFoundException(name(table));
        }
        String mismatch = mismatch(fresh, schema);
        if (mismatch != null) {
            columns.invalidate(table);
            throw new WarehouseException("error sorting schema fields: " + mismatch);
        }
        columns.put(table, fresh);
        return fresh;
    }

    private static String mismatch(List<Field> tableColumns, Schema schema) {
        if (tableColumns.size() != schema.getFields().size()) {
            return "column count mismatch: realFields has " + tableColumns.size() + " columns, schemaFields has "
                    + schema.getFields().size() + " columns";
        }
        for (Field field : schema.getFields()) {
            if (tableColumns.stream().noneMatch(c -> c.getName().equals(field.getName()))) {
                return "column " + field.getName() + " not found in realFields";
            }
        }
        return null;
    }

    private Map<String, Field> read(String table) throws WarehouseException {
        try (Connection connection = dataSource.getConnection()) {
            return TableColumns.read(connection, database, table);
        } catch (SQLException e) {
            throw new WarehouseException("error reading the columns of " + name(table) + ": " + e.getMessage(), e);
        } catch (WarehouseException e) {
            throw new WarehouseException("table " + name(table) + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Row values are data: JDBC escapes such as {d '...'} in them must reach the server untouched.
            statement.setEscapeProcessing(false);
            statement.execute(sql);
        }
    }

    private static boolean alreadyExists(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return e.getErrorCode() == 57 || message.contains("already exists") || message.contains("Already exists")
                || message.toLowerCase(Locale.ROOT).contains("code: 57");
    }

    /** Tables as errors name them: {@code db.table}, unquoted. */
    private String name(String table) {
        return database + "." + table;
    }
}
