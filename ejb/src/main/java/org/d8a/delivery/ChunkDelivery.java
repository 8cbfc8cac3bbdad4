package org.d8a.delivery;

import jakarta.ejb.EJBException;
import java.util.List;
import org.d8a.columns.RetryableColumnException;
import org.d8a.warehouse.RejectedRowsException;
import org.d8a.warehouse.WarehouseException;

/**
 * Delivers one chunk of spooled sessions and decides what a failure means. A refusal of the warehouse or a column
 * that failed temporarily concerns the whole chunk: every session of it waits for its next attempt. Rows the
 * warehouse rejected for their values ({@link RejectedRowsException}) and any other error come from the sessions
 * themselves (a value the warehouse cannot store, a payload that cannot be decoded, a bug in a column), so the chunk
 * is halved until the sessions that cause it are alone: those record the failure (and are quarantined in the end),
 * the others are delivered. Without this one bad session would fail its chunk, and so every job, forever.
 */
public final class ChunkDelivery {

    /**
     * Writes the rows of the given spooled sessions and removes them from the spool (or stages the rows and records the
     * staged write on them), in one transaction.
     */
    @FunctionalInterface
    public interface Attempt {
        void deliver(List<Long> ids) throws WarehouseException, RetryableColumnException;
    }

    /** Records a failed attempt on the given sessions (backoff, then quarantine). */
    @FunctionalInterface
    public interface Failures {
        /**
         * @param refused whether the warehouse (or a column, temporarily) refused the whole chunk, rather than the
         *        sessions failing for a reason of their own
         */
        void record(List<Long> ids, String error, boolean refused);
    }

    private final Attempt attempt;
    private final Failures failures;

    public ChunkDelivery(Attempt attempt, Failures failures) {
        this.attempt = attempt;
        this.failures = failures;
    }

    /** @return how many of {@code ids} failed (and stay spooled) */
    public int deliver(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        try {
            attempt.deliver(ids);
            return 0;
        } catch (RejectedRowsException e) {
            if (ids.size() == 1) {
                failures.record(ids, e.getMessage(), false);
                return 1;
            }
            return halves(ids);
        } catch (WarehouseException | RetryableColumnException e) {
            failures.record(ids, e.getMessage(), true);
            return ids.size();
        } catch (RuntimeException e) {
            if (ids.size() == 1) {
                failures.record(ids, describe(e), false);
                return 1;
            }
            return halves(ids);
        }
    }

    private int halves(List<Long> ids) {
        int half = ids.size() / 2;
        return deliver(ids.subList(0, half)) + deliver(ids.subList(half, ids.size()));
    }

    /** The innermost cause: an EJB wraps what the session's code threw. */
    public static String describe(RuntimeException e) {
        Throwable cause = e;
        while ((cause instanceof EJBException || cause.getMessage() == null) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
