package org.d8a.protocol.ga4.columns;

import static org.d8a.columns.TestHits.add;
import static org.d8a.columns.TestHits.bare;
import static org.d8a.columns.TestHits.h1;
import static org.d8a.columns.TestHits.put;
import static org.d8a.columns.TestHits.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.hits.Hit;
import org.junit.jupiter.api.Test;

/** Event-column vectors V08, V11-V13, V15-V17 of spec/ga4-protocol-and-columns.md §8.2. */
class Ga4EventColumnsTest {

    private static Map<String, Object> rowOf(Hit hit) {
        List<Map<String, Object>> rows = write(hit);
        assertEquals(1, rows.size(), "the event is written");
        return rows.get(0);
    }

    private static Object column(String column, String... keyValues) {
        return rowOf(put(h1(), keyValues)).get(column);
    }

    @Test
    void v08MeasurementIdIsRequired() {
        assertEquals("G-1234567890", column("measurement_id", "tid", "G-1234567890"));
        assertEquals(List.of(), write(put(h1(), "tid", "")), "event broken, no row");
    }

    @Test
    void v11IgnoreReferrer() {
        for (String[] c : new String[][] {{"1", "true"}, {"0", "false"}, {"", null}}) {
            Map<String, Object> row = rowOf(put(h1(), "ir", c[0]));
            Object expected = c[1] == null ? null : Boolean.valueOf(c[1]);
            assertEquals(expected, row.get("ignore_referrer"), c[0]);
            assertEquals(expected, row.get("params_ignore_referrer"), c[0]);
        }
    }

    @Test
    void v12ScalarCasts() {
        assertEquals(1500L, column("params_engagement_time_ms", "_et", "1500"));
        assertNull(column("params_engagement_time_ms", "_et", ""));
        assertNull(column("params_engagement_time_ms", "_et", "invalid"));
        assertEquals(10.0, column("params_shipping", "epn.shipping", "10.00"));
        assertNull(column("params_shipping", "epn.shipping", "invalid"));
        assertEquals(true, column("params_outbound", "ep.outbound", "1"));
        assertEquals(false, column("params_outbound", "ep.outbound", "0"));
        assertEquals(true, column("params_outbound", "ep.outbound", "true"));
        assertNull(column("params_outbound", "ep.outbound", "invalid"));
        assertEquals(9876543210L, column("params_message_time", "ep.message_time", "9876543210"));
        assertNull(column("params_message_time", "ep.message_time", "invalid"));
        assertNull(column("params_currency", "ep.currency", ""));
        assertNull(column("params_reward_value", "epn.reward_value", ""));
        assertEquals(5L, column("client_session_number", "sct", "5"));
        assertNull(column("client_session_number", "sct", "invalid"));
        assertEquals("session123", column("client_session_id", "sid", "session123"));
        assertNull(column("client_session_id", "sid", ""));
        assertEquals(5L, column("params_ga_session_number", "epn.ga_session_number", "5"));
        assertNull(column("params_ga_session_number", "epn.ga_session_number", "invalid"));
        assertEquals("session123", column("params_ga_session_id", "ep.ga_session_id", "session123"));
        assertEquals("C_1234", rowOf(h1()).get("params_content_id"));
        assertEquals("product", rowOf(h1()).get("params_content_group"));
        assertEquals("lead", column("params_content_description", "ep.content", "lead"));
    }

    private static Map<String, Object> element(String name, String text, Double number) {
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("name", name);
        element.put("value_string", text);
        element.put("value_number", number);
        return element;
    }

    @Test
    void v13GenericParams() {
        assertEquals(List.of(element("foo", "bar", null)), rowOf(bare("page_view", "ep.foo", "bar")).get("params"));
        assertEquals(List.of(element("foo", null, 123.0)), rowOf(bare("page_view", "epn.foo", "123")).get("params"));
        assertEquals(List.of(), rowOf(bare("page_view", "epn.foo", "invalid")).get("params"));
    }

    @Test
    void userPropertiesAreAListOfTheirOwnAndNotParams() {
        Hit hit = bare("page_view", "up.plan", "gold", "upn.seats", "3", "upn.bad", "many");
        Map<String, Object> row = rowOf(hit);
        assertEquals(List.of(element("plan", "gold", null), element("seats", null, 3.0)), row.get("user_properties"));
        assertEquals(List.of(), row.get("params"));
        assertEquals(List.of(), rowOf(bare("page_view", "ep.plan", "gold")).get("user_properties"));
    }

    @Test
    void paramsAreSortedByNameThenTextBeforeNumberThenRequestOrder() {
        Hit hit = bare("page_view", "epn.b", "2", "ep.b", "two", "ep.a", "", "epn.c", "NaN");
        add(hit, "ep.b", "second");
        assertEquals(List.of(element("a", "", null), element("b", "two", null), element("b", "second", null),
                element("b", null, 2.0), element("c", null, Double.NaN)), rowOf(hit).get("params"));
    }

    @Test
    void v15DatesAndPageLoadHash() {
        Hit hit = bare("page_view");
        hit.setReceivedAtMillis(ZonedDateTime.of(2025, 1, 1, 1, 0, 0, 0, ZoneId.of("Europe/Warsaw")).toInstant()
                .toEpochMilli());
        Map<String, Object> row = rowOf(hit);
        assertEquals(LocalDate.of(2025, 1, 1), row.get("date_utc"));
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), row.get("timestamp_utc"));
        assertEquals(Instant.parse("2024-05-03T10:40:00Z"),
                rowOf(bare("page_view", "_p", "1714732800000")).get("page_load_hash"));
        assertNull(rowOf(bare("page_view", "_p", "invalid")).get("page_load_hash"));
        assertNull(rowOf(bare("page_view", "_p", "")).get("page_load_hash"));
    }

    @Test
    void v16Consent() {
        assertEquals(true, rowOf(bare("page_view", "gcs", "G001")).get("privacy_analytics_storage"));
        assertEquals(false, rowOf(bare("page_view", "gcs", "G110")).get("privacy_analytics_storage"));
        assertEquals(true, rowOf(bare("page_view", "gcs", "G010")).get("privacy_ads_storage"));
        assertEquals(false, rowOf(bare("page_view", "gcs", "G101")).get("privacy_ads_storage"));
        for (Hit hit : List.of(bare("page_view", "gcs", ""), bare("page_view"),
                bare("page_view", "gcs", "💩💩💩💩💩💩"))) {
            Map<String, Object> row = rowOf(hit);
            assertNull(row.get("privacy_analytics_storage"));
            assertNull(row.get("privacy_ads_storage"));
        }
    }

    /** Deliberate fix: the reference panics when gcs is exactly as long as the flag's index. */
    @Test
    void consentTooShortForTheFlagIsNull() {
        Map<String, Object> row = rowOf(bare("page_view", "gcs", "G10"));
        assertNull(row.get("privacy_analytics_storage"));
        assertEquals(false, row.get("privacy_ads_storage"));
    }

    @Test
    void v17DeviceLanguageAndResolution() {
        assertEquals("en-us", rowOf(bare("page_view", "v", "2", "ul", "en-us")).get("device_language"));
        Hit withHeader = bare("page_view", "v", "2");
        withHeader.getHeaders().put("Accept-Language", List.of("en-gb"));
        assertEquals("en-gb", rowOf(withHeader).get("device_language"));
        assertNull(rowOf(bare("page_view", "v", "2")).get("device_language"));
        assertEquals("1920x1080", rowOf(bare("page_view", "v", "2", "sr", "1920x1080")).get(
                "device_screen_resolution"));
        assertNull(rowOf(bare("page_view", "v", "2", "sr", "")).get("device_screen_resolution"));
    }

    @Test
    void constantsOfTheGa4Protocol() {
        Map<String, Object> row = rowOf(h1());
        assertEquals("web", row.get("platform"));
        assertEquals("ga4_gtag", row.get("tracking_protocol"));
        assertEquals("G-5T0Z13HKP4", row.get("measurement_id"));
        assertEquals("127.0.0.1", row.get("ip_address"));
    }
}
