package org.d8a.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The tests' PostgreSQL cluster in the PostgreSQL pass ({@code d8a.it.database=postgresql}): reached through the same
 * {@code D8A_DB_*} environment variables the servers' datasource reads (ear/pom.xml sets them from the cluster that
 * {@code src/test/scripts/postgresql.sh} started), as its role {@code d8a}, which may create databases.
 */
final class TestDatabase {

    private TestDatabase() {
    }

    static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("d8a.it.database"));
    }

    /**
     * The database of the server whose base directory is {@code baseDir}, created when it does not exist yet; its name
     * is derived from the directory, so a server made again on the same directory finds its state again.
     */
    static String create(Path baseDir) {
        String name = "d8a_" + digest(baseDir.toAbsolutePath().normalize().toString());
        try (Connection connection = connect()) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return name;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                // an identifier cannot be a bind parameter; the name is d8a_ and hex digits only
                create.execute("create database " + name);
            }
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
    }

    /** The first column of the first row {@code select} returns in {@code database}; null for no row. */
    static String queryOne(String database, String select) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(select)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + database + ": " + select, e);
        }
    }

    private static Connection connect() throws SQLException {
        return connect(env("D8A_DB_NAME"));
    }

    private static Connection connect(String database) throws SQLException {
        String url = "jdbc:postgresql://" + env("D8A_DB_HOST") + ":" + env("D8A_DB_PORT") + "/" + database;
        return DriverManager.getConnection(url, env("D8A_DB_USER"), env("D8A_DB_PASSWORD"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set: the PostgreSQL pass sets it (ear/pom.xml)");
        }
        return value;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
