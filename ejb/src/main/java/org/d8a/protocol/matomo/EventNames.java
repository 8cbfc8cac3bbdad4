package org.d8a.protocol.matomo;

import static org.d8a.protocol.matomo.MatomoProtocol.first;

import java.util.List;
import java.util.Map;

/** The event name of a Matomo request (spec §3): the first rule that matches wins. */
final class EventNames {

    private EventNames() {
    }

    static String of(Map<String, List<String>> p) {
        String goal = first(p, "idgoal");
        if (goal.equals("0") && !first(p, "ec_id").isEmpty()) {
            return "ecommerce_order";
        }
        if (!goal.isEmpty()) {
            // includes a cart update (idgoal=0 without ec_id), as in the reference
            return "goal_conversion";
        }
        if (!first(p, "ma_id").isEmpty() && first(p, "ma_mt").equals("video")) {
            return "video_play";
        }
        if (!first(p, "download").isEmpty()) {
            return "download";
        }
        if (!first(p, "link").isEmpty()) {
            return "outlink";
        }
        if (p.containsKey("search")) {
            return "site_search";
        }
        if (!first(p, "c_i").isEmpty()) {
            return "content_interaction";
        }
        if (!first(p, "c_n").isEmpty()) {
            return "content_impression";
        }
        if (!first(p, "e_c").isEmpty() && !first(p, "e_a").isEmpty()) {
            return "custom_event";
        }
        return "page_view";
    }
}
