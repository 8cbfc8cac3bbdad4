package org.d8a.rows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.d8a.columns.BrokenEventException;
import org.d8a.columns.ColumnException;
import org.d8a.columns.ColumnSet;
import org.d8a.columns.EventColumn;
import org.d8a.columns.RetryableColumnException;
import org.d8a.columns.SessionColumn;
import org.d8a.columns.SessionScopedEventColumn;
import org.d8a.filters.TrafficFilter;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;
import org.d8a.splitter.SessionSplitter;

/**
 * Computes the columns of closed sessions and lays them out as rows of the events table: event columns on every
 * event, broken events removed, the session split into parts and filtered by its property's rules, then
 * session-scoped event and session columns on each part; one row per event with its session's values alongside.
 *
 * <p>A failing event column breaks only its own event, and broken events are removed before any session value is
 * computed (deliberate fixes, see ARCHITECTURE.md): session totals and ids describe the rows actually written.</p>
 */
public final class RowBuilder {

    private static final Logger LOG = Logger.getLogger(RowBuilder.class.getName());

    private final ColumnSet columns;
    private final TrafficFilter filter;
    private final List<Dropped> dropped = new ArrayList<>();
    private int extraParts;

    /**
     * @param columns the columns of the sessions' property
     * @param filter the traffic filter of the sessions' property
     */
    public RowBuilder(ColumnSet columns, TrafficFilter filter) {
        this.columns = columns;
        this.filter = filter;
    }

    /**
     * Rows of the given sessions, in session order then event order.
     *
     * @throws RetryableColumnException when a column failed temporarily; nothing of the batch should be written
     */
    public List<Map<String, Object>> rows(List<Session> sessions) throws RetryableColumnException {
        List<Map<String, Object>> rows = new ArrayList<>();
        dropped.clear();
        extraParts = 0;
        for (Session session : sessions) {
            writeEventColumns(session);
            session.events().removeIf(event -> {
                if (event.isBroken()) {
                    LOG.warning(() -> "dropping broken event " + event.hit().getId() + ": " + event.brokenReason());
                    dropped.add(new Dropped(Dropped.EVENT, event.brokenReason(), List.of(event.hit())));
                }
                return event.isBroken();
            });
            if (session.events().isEmpty()) {
                continue;
            }
            List<Session> parts = splitAndFilter(session);
            extraParts += Math.max(0, parts.size() - 1);
            for (Session part : parts) {
                writeSessionColumns(part);
                if (part.isBroken()) {
                    LOG.warning(() -> "dropping broken session of " + part.events().size() + " events: "
                            + part.brokenReason());
                    dropped.add(new Dropped(Dropped.SESSION, part.brokenReason(),
                            part.events().stream().map(Event::hit).toList()));
                    continue;
                }
                for (Event event : part.events()) {
                    Map<String, Object> row = new LinkedHashMap<>(event.values());
                    row.putAll(part.values());
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** How many session parts the splitter added in the last {@link #rows} call (a session cut in 3 adds 2). */
    public int extraParts() {
        return extraParts;
    }

    /** What the last {@link #rows} call left out as broken, with the reasons. */
    public List<Dropped> dropped() {
        return List.copyOf(dropped);
    }

    /** The property's splitter cuts the session in parts, then its traffic filter removes events from each part. */
    private List<Session> splitAndFilter(Session session) {
        List<Session> parts = new SessionSplitter(session.property().split()).split(session);
        if (filter.isEmpty()) {
            return parts;
        }
        List<Session> kept = new ArrayList<>();
        for (Session part : parts) {
            Session filtered = filter.apply(part);
            if (filtered != null) {
                kept.add(filtered);
            }
        }
        return kept;
    }

    private void writeEventColumns(Session session) throws RetryableColumnException {
        for (EventColumn column : columns.eventColumns()) {
            String name = column.field().getName();
            for (Event event : session.events()) {
                if (event.isBroken()) {
                    continue;
                }
                try {
                    event.values().put(name, column.value(event));
                } catch (BrokenEventException e) {
                    event.markBroken("failed to write event column " + name + ": " + e.getMessage());
                } catch (RetryableColumnException e) {
                    throw e;
                } catch (ColumnException e) {
                    event.markBroken("failed to write event column " + name + ": " + e.getMessage());
                }
            }
        }
    }

    private void writeSessionColumns(Session session) throws RetryableColumnException {
        try {
            for (SessionScopedEventColumn column : columns.sessionScopedEventColumns()) {
                String name = column.field().getName();
                for (int i = 0; i < session.events().size(); i++) {
                    session.events().get(i).values().put(name, column.value(session, i));
                }
            }
            for (SessionColumn column : columns.sessionColumns()) {
                session.values().put(column.field().getName(), column.value(session));
            }
        } catch (RetryableColumnException e) {
            throw e;
        } catch (ColumnException e) {
            session.markBroken(e.getMessage());
        }
    }
}
