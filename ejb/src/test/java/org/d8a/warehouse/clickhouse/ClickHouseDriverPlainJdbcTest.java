package org.d8a.warehouse.clickhouse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared driver suite again, over connections that do not reveal the JDBC driver's classes, as a WildFly
 * datasource whose driver is a server module does: inserts then go as one SQL statement with the rows inside.
 */
class ClickHouseDriverPlainJdbcTest extends ClickHouseDriverTest {

    /** Runs after the suite's own set-up (which starts the engine): only the driver's connections change. */
    @BeforeAll
    static void overOpaqueConnections() {
        driver.close();
        driver = testDriver(opaque(server.dataSource("testdb")));
    }

    private static DataSource opaque(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? opaque(connection) : result;
                });
    }

    private static Connection opaque(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isWrapperFor" -> false;
                    case "unwrap" -> throw new java.sql.SQLException("not a wrapper");
                    default -> invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
