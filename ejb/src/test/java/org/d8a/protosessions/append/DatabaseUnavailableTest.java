package org.d8a.protosessions.append;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aClosedOrRefusedConnectionIsTheDatabaseUnavailable() {
        // PostgreSQL's "This connection has been closed." and "Connection refused", as JPA wraps them
        assertTrue(DatabaseUnavailable.causes(new PersistenceException(new SQLException("closed", "08003"))));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new PersistenceException(
                new SQLException("refused", "08001")))));
        // "terminating connection due to administrator command", "the database system is starting up"
        assertTrue(DatabaseUnavailable.causes(new SQLException("shutdown", "57P01")));
        assertTrue(DatabaseUnavailable.causes(new SQLException("starting", "57P03")));
        assertTrue(DatabaseUnavailable.causes(new SQLTransientConnectionException("pool")));
    }

    @Test
    void aFailureOfTheWorkItselfIsNot() {
        // a unique-key race, a lock timeout, an optimistic-lock loss: redelivered, counted towards the dead letters
        assertFalse(DatabaseUnavailable.causes(new PersistenceException(new SQLException("duplicate", "23505"))));
        assertFalse(DatabaseUnavailable.causes(new SQLException("lock timeout", "55P03")));
        assertFalse(DatabaseUnavailable.causes(new jakarta.persistence.OptimisticLockException("stale")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
    }
}
