package org.d8a.delivery.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d8a.delivery.mode.SessionBufferSink;
import org.d8a.delivery.mode.SessionBufferStatus;
import org.d8a.persistence.spool.SpoolRepository;
import org.d8a.persistence.spool.SpoolStatus;

/**
 * What operators read of delivery (GET /spool, docs/operations.md): the persistent spool's depth, quarantine, failures
 * and last error, the dropped events, and the session buffer of {@code best_effort} under {@code memory}.
 */
@ApplicationScoped
public class SpoolOverview {

    @Inject
    SpoolRepository spool;

    @Inject
    SessionBufferSink sessionBuffer;

    /** The overview as named fields, in the order operators read them. */
    public Map<String, Object> read() {
        SpoolStatus status = spool.status();
        Long oldest = status.oldestClosedAtMillis();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("depth", status.depth());
        body.put("quarantined", status.quarantined());
        body.put("failing", status.failing());
        body.put("staged", status.staged());
        body.put("oldest_age_seconds", oldest == null ? 0 : (System.currentTimeMillis() - oldest) / 1000);
        body.put("dropped", status.dropped());
        body.put("last_error", status.lastError());
        SessionBufferStatus memory = sessionBuffer.status();
        body.put("memory", Map.of("held", memory.held(), "flushes_by_count", memory.flushesByCount(),
                "flushes_by_age", memory.flushesByAge(), "moved_to_spool", memory.movedToSpool()));
        return body;
    }
}
