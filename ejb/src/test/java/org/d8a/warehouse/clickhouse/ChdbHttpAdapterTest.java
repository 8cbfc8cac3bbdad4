package org.d8a.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.config.TestConfig;
import org.d8a.warehouse.TableNotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test adapter behaves like ClickHouse's HTTP interface where the driver tests depend on it: errors, per-statement
 * settings, ClickHouse's compressed (LZ4) block framing that the JDBC driver uses by default.
 */
class ChdbHttpAdapterTest {

    private static ChdbServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ChdbServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void pingAnswersOk() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("Ok.\n", response.body());
    }

    @Test
    void serverErrorsCarryClickHouseCodes() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/")).POST(HttpRequest.BodyPublishers.ofString(
                        "SELECT * FROM nowhere.nothing")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals("81", response.headers().firstValue("X-ClickHouse-Exception-Code").orElse(""));
        assertTrue(response.body().startsWith("Code: 81. DB::Exception: "), response.body());

        SQLException e = assertThrows(SQLException.class, () -> server.execute("SELEC 1"));
        assertTrue(e.getMessage().contains("Code: 62"), e.getMessage());
    }

    @Test
    void aSettingLastsOneStatement() throws Exception {
        assertEquals(List.of("0"), server.select("default",
                "SELECT getSetting('flatten_nested')::UInt8 SETTINGS flatten_nested = 0"));
        assertEquals(List.of("1"), server.select("default", "SELECT getSetting('flatten_nested')::UInt8"));
    }

    @Test
    void urlSettingsApplyToTheirStatementOnly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port() + "/?database=system";
        HttpResponse<String> with = client.send(HttpRequest.newBuilder(URI.create(base + "&max_execution_time=17"))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT getSetting('max_execution_time'), "
                        + "currentDatabase()")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("17\tsystem\n", with.body());
        HttpResponse<String> without = client.send(HttpRequest.newBuilder(URI.create(base))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT getSetting('max_execution_time')")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("0\n", without.body());
    }

    @Test
    void theDriverMadeFromConfigurationReachesTheConfiguredServer() throws Exception {
        server.execute("CREATE DATABASE IF NOT EXISTS configured_db");
        ClickHouseSettings settings = new ClickHouseSettings(TestConfig.of(Map.of(
                "warehouse.clickhouse.host", "127.0.0.1", "warehouse.clickhouse.port", Integer.toString(server.port()),
                "warehouse.clickhouse.database", "configured_db")));
        try (ClickHouseDriver driver = ClickHouseDataSources.driver(settings)) {
            TableNotFoundException e = assertThrows(TableNotFoundException.class,
                    () -> driver.missingColumns("events", new Schema(List.of())));
            assertEquals("table \"configured_db.events\" not found", e.getMessage());
        }
        assertTrue(server.requestLog().contains("configured_db"), "the configured database was asked");
    }

    @Test
    void clickHouseCompressionIsTheDriversDefaultAndWorks() throws Exception {
        var dataSource = ClickHouseDataSources.direct("127.0.0.1", server.port(), false, "default", "default", "",
                new Properties());
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 'compressed answer' AS text, 41 + 1 AS number")) {
            assertTrue(rows.next());
            assertEquals("compressed answer", rows.getString(1));
            assertEquals(42, rows.getInt(2));
        }
        assertTrue(server.requestLog().contains("'compress': '1'"),
                "the driver asked for ClickHouse's compressed blocks: " + server.requestLog());
    }
}
