package org.d8a.splitter;

import java.util.ArrayList;
import java.util.List;
import org.d8a.properties.SplitRules;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * Cuts a closed session into parts (spec/pipeline.md §5.2-5.3): conditions are checked for every event after the
 * first, in the order time, count, user id, campaign; the first that fires starts a new part at that event, which
 * records the cause. A value that is absent, null or not a string neither splits nor is remembered. A user id must
 * also be non-empty; an empty campaign is a value (vector V40: campaign1, -, "", - is two parts), although in production
 * the campaign column never holds "" because its cast turns "" into null.
 */
public final class SessionSplitter {

    private final SplitRules rules;

    public SessionSplitter(SplitRules rules) {
        this.rules = rules;
    }

    public List<Session> split(Session session) {
        List<Event> events = session.events();
        if (events.isEmpty()) {
            return List.of(session);
        }
        List<Session> parts = new ArrayList<>();
        Part part = new Part(events.get(0));
        int start = 0;
        for (int i = 1; i < events.size(); i++) {
            Event event = events.get(i);
            SplitCause cause = part.causeAt(event);
            if (cause == null) {
                continue;
            }
            parts.add(new Session(session.property(), events.subList(start, i)));
            event.setSplitCause(cause.columnValue());
            start = i;
            part = new Part(event);
        }
        parts.add(new Session(session.property(), events.subList(start, events.size())));
        return parts;
    }

    /** The state of the part being built: its first event, its size and the last user id and campaign seen. */
    private final class Part {

        private final long firstMillis;
        private int count = 1;
        private String userId;
        private String campaign;

        Part(Event first) {
            firstMillis = first.hit().getReceivedAtMillis();
            userId = rememberedUserId(null, first.values().get("user_id"));
            campaign = rememberedCampaign(null, first.values().get("utm_campaign"));
        }

        /** The cause that cuts the part before {@code event}, or null when the event extends the part. */
        SplitCause causeAt(Event event) {
            if (event.hit().getReceivedAtMillis() - firstMillis >= rules.maxTimeSinceFirstEvent().toMillis()) {
                return SplitCause.MAX_TIME_SINCE_FIRST_EVENT_REACHED;
            }
            if (count >= rules.maxEvents()) {
                return SplitCause.MAX_EVENTS_REACHED;
            }
            if (rules.onUserIdChange()) {
                Object value = event.values().get("user_id");
                String next = rememberedUserId(userId, value);
                boolean changed = userId != null && !userId.equals(next);
                userId = next;
                if (changed) {
                    return SplitCause.USER_ID_CHANGED;
                }
            }
            if (rules.onCampaignChange()) {
                Object value = event.values().get("utm_campaign");
                String next = rememberedCampaign(campaign, value);
                boolean changed = campaign != null && !campaign.equals(next);
                campaign = next;
                if (changed) {
                    return SplitCause.UTM_CAMPAIGN_CHANGED;
                }
            }
            count++;
            return null;
        }

        /** The user id to remember after {@code value}: only a non-empty string replaces the last one. */
        private static String rememberedUserId(String last, Object value) {
            return value instanceof String text && !text.isEmpty() ? text : last;
        }

        /** The campaign to remember after {@code value}: any string, "" included, replaces the last one. */
        private static String rememberedCampaign(String last, Object value) {
            return value instanceof String text ? text : last;
        }
    }
}
