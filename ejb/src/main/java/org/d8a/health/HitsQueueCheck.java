package org.d8a.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.d8a.health.checks.Probe;
import org.d8a.health.checks.ServerProbes;
import org.d8a.queue.QueueBacklog;
import org.d8a.queue.QueueState;

/**
 * Readiness: the hits queue takes hits at memory speed: it is not paused (an operator's pause stops consumption) and
 * not paging (its messages exceed the address's memory limit and go to page files, which means the consumers have
 * fallen far behind).
 */
@ApplicationScoped
public class HitsQueueCheck {

    @Inject
    QueueBacklog backlog;

    public Probe call() {
        try {
            QueueState state = backlog.state();
            return new Probe(ServerProbes.HITS_QUEUE, !state.paused() && state.pages() == 0, Map.of("messages", state.messages(),
                    "paused", state.paused(), "pages", state.pages()));
        } catch (IllegalStateException e) {
            return new Probe(ServerProbes.HITS_QUEUE, false, Map.of("error", String.valueOf(e.getMessage())));
        }
    }
}
