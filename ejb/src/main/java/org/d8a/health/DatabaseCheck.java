package org.d8a.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.d8a.health.checks.Probe;
import org.d8a.health.checks.ServerProbes;

/** Readiness: the d8a datasource (proto-sessions, spool, job repository) answers. */
@ApplicationScoped
public class DatabaseCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/d8a")
    DataSource dataSource;

    public Probe call() {
        try (Connection connection = dataSource.getConnection()) {
            return new Probe(ServerProbes.DATABASE, connection.isValid(TIMEOUT_SECONDS), Map.of());
        } catch (SQLException e) {
            return new Probe(ServerProbes.DATABASE, false, Map.of("error", String.valueOf(e.getMessage())));
        }
    }
}
