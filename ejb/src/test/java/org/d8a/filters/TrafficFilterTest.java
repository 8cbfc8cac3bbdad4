package org.d8a.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.properties.FilterCondition;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;
import org.junit.jupiter.api.Test;

/** Traffic filters, item 13 of spec/pipeline.md §8.2, in Jakarta EL. */
class TrafficFilterTest {

    private static final List<String> FIELDS = List.of("ip_address", "user_id");

    private static Event event(String ip, String userId) {
        Hit hit = TestHits.bare("page_view");
        Event event = new Event(hit, TestHits.PROPERTY);
        event.values().put("ip_address", ip);
        event.values().put("user_id", userId);
        return event;
    }

    private static List<Event> kept(TrafficFilter filter, Event... events) {
        Session session = filter.apply(new Session(TestHits.PROPERTY, Arrays.asList(events)));
        return session == null ? List.of() : session.events();
    }

    private static FilterCondition exclude(String name, String expression) {
        return new FilterCondition(name, true, false, expression);
    }

    @Test
    void excludeRemovesMatchingEvents() {
        TrafficFilter filter = new TrafficFilter(FIELDS, List.of(exclude("office",
                "startsWith(ip_address, '192.168') || inCidr(ip_address, '10.0.0.0/8') || ip_address == '127.0.0.1'")));
        Event office = event("192.168.1.4", null);
        Event vpn = event("10.2.3.4", null);
        Event visitor = event("203.0.113.0", null);
        assertEquals(List.of(visitor), kept(filter, office, vpn, visitor));
    }

    @Test
    void activeAllowConditionsKeepOnlyWhatTheyMatch() {
        TrafficFilter filter = new TrafficFilter(FIELDS, List.of(
                new FilterCondition("known users", false, false, "user_id != null"),
                exclude("blocked", "user_id == 'u-blocked'")));
        Event anonymous = event("1.1.1.1", null);
        Event known = event("1.1.1.1", "u1");
        Event blocked = event("1.1.1.1", "u-blocked");
        assertEquals(List.of(known), kept(filter, anonymous, known, blocked));
    }

    @Test
    void testModeOnlyNamesTheLastMatchingCondition() {
        TrafficFilter filter = new TrafficFilter(FIELDS, List.of(
                new FilterCondition("internal", true, true, "inCidr(ip_address, '10.0.0.0/8')"),
                new FilterCondition("internal-lab", true, true, "startsWith(ip_address, '10.1.')")));
        Event lab = event("10.1.2.3", null);
        Event other = event("10.9.9.9", null);
        Event outside = event("8.8.8.8", null);
        assertEquals(List.of(lab, other, outside), kept(filter, lab, other, outside));
        assertEquals("internal-lab", lab.trafficFilterName());
        assertEquals("internal", other.trafficFilterName());
        assertNull(outside.trafficFilterName());
    }

    @Test
    void allEventsFilteredMeansNoSession() {
        TrafficFilter filter = new TrafficFilter(FIELDS, List.of(exclude("all", "true")));
        assertNull(filter.apply(new Session(TestHits.PROPERTY, List.of(event("1.1.1.1", null)))));
    }

    @Test
    void nullIsNullAndUnknownNamesReadNothing() {
        TrafficFilter filter = new TrafficFilter(List.of("ip_address"), List.of(
                exclude("anonymous", "user_id == null"), exclude("never", "ip_address == null")));
        // user_id is not a filter field here, so the expression cannot read it: it is null for every event
        assertEquals(List.of(), kept(filter, event("1.1.1.1", "u1")));
        TrafficFilter withUser = new TrafficFilter(FIELDS, List.of(exclude("anonymous", "user_id == null")));
        Event known = event("1.1.1.1", "u1");
        assertEquals(List.of(known), kept(withUser, event("1.1.1.1", null), known));
    }

    @Test
    void aFieldTheEventLacksReadsAsEmptyTextButANullFieldIsNull() {
        TrafficFilter filter = new TrafficFilter(List.of("ip_address", "user_id", "page_title"), List.of(
                exclude("no title", "page_title == ''"), exclude("anonymous", "user_id == null")));
        Event withTitle = event("1.1.1.1", "u1");
        withTitle.values().put("page_title", "Home");
        Event lacksTitle = event("1.1.1.1", "u1");
        Event nullUser = event("1.1.1.1", null);
        nullUser.values().put("page_title", "Home");
        assertEquals(List.of(withTitle), kept(filter, withTitle, lacksTitle, nullUser));

        TrafficFilter titleIsNull = new TrafficFilter(List.of("page_title"), List.of(exclude("null", "page_title == null")));
        Event absent = event("1.1.1.1", "u1");
        assertEquals(List.of(absent), kept(titleIsNull, absent), "absent is \"\", not null");
    }

    @Test
    void nonStringFieldsAreTheirText() {
        TrafficFilter filter = new TrafficFilter(List.of("engagement_time_msec", "is_first"), List.of(
                exclude("long", "engagement_time_msec == '1500'"), exclude("first", "is_first == 'true'")));
        Event numeric = event("1.1.1.1", null);
        numeric.values().put("engagement_time_msec", 1500L);
        Event bool = event("1.1.1.1", null);
        bool.values().put("is_first", true);
        Event other = event("1.1.1.1", null);
        other.values().put("engagement_time_msec", 10L);
        assertEquals(List.of(other), kept(filter, numeric, bool, other));
    }

    @Test
    void expressionsCannotReachJavaObjects() {
        TrafficFilter filter = new TrafficFilter(FIELDS, List.of(
                exclude("method call", "ip_address.isEmpty() == false"),
                exclude("property", "ip_address.bytes != null"),
                exclude("class", "Runtime.getRuntime() != null"),
                exclude("not boolean", "ip_address")));
        Event event = event("1.1.1.1", null);
        assertEquals(List.of(event), kept(filter, event), "failing or non-boolean conditions are ignored");
    }

    @Test
    void invalidExpressionIsRejectedWithTheConditionsName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new TrafficFilter(FIELDS, List.of(exclude("broken one", "ip_address == ("))));
        assertTrue(error.getMessage().contains("broken one"), error.getMessage());
        IllegalArgumentException unknownFunction = assertThrows(IllegalArgumentException.class,
                () -> new TrafficFilter(FIELDS, List.of(exclude("no such function", "exec('ls')"))));
        assertTrue(unknownFunction.getMessage().contains("no such function"), unknownFunction.getMessage());
    }

    @Test
    void inCidrEdgeCases() {
        assertTrue(FilterFunctions.inCidr("100.64.0.0", "100.64.0.0/10"));
        assertTrue(FilterFunctions.inCidr("100.127.255.255", "100.64.0.0/10"));
        assertFalse(FilterFunctions.inCidr("100.128.0.0", "100.64.0.0/10"));
        assertTrue(FilterFunctions.inCidr("2001:db8::1", "2001:db8::/32"));
        assertFalse(FilterFunctions.inCidr("not-an-ip", "10.0.0.0/8"));
        assertFalse(FilterFunctions.inCidr("10.0.0.1", "not-a-cidr"));
        assertFalse(FilterFunctions.inCidr(null, "10.0.0.0/8"));
    }
}
