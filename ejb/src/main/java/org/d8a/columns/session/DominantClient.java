package org.d8a.columns.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * The "dominant client" of a session joined from several clients (spec §2.6): the client id with the most events, the
 * earliest to appear on a tie. Its first event carries the session's device and geo values.
 */
final class DominantClient {

    private DominantClient() {
    }

    static Event firstEventOf(Session session) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Event> firstEvents = new LinkedHashMap<>();
        for (Event event : session.events()) {
            String client = event.hit().getClientId();
            counts.merge(client, 1, Integer::sum);
            firstEvents.putIfAbsent(client, event);
        }
        String dominant = null;
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            if (dominant == null || count.getValue() > counts.get(dominant)) {
                dominant = count.getKey();
            }
        }
        return firstEvents.get(dominant);
    }
}
