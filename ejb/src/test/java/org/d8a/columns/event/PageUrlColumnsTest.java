package org.d8a.columns.event;

import static org.d8a.columns.TestHits.h1;
import static org.d8a.columns.TestHits.put;
import static org.d8a.columns.TestHits.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.d8a.columns.BrokenEventException;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.properties.PropertySettings;
import org.junit.jupiter.api.Test;

/** Page-URL vectors V09, V10, V14 (gtm_debug) and V23 (§8.4) of spec/ga4-protocol-and-columns.md. */
class PageUrlColumnsTest {

    private static Map<String, Object> rowWithDl(String dl) {
        return write(put(h1(), "dl", dl)).get(0);
    }

    private static String stripped(List<String> excluded, String dl) {
        PropertySettings property = new PropertySettings("1234567890", "Test Property", "G-2VEWJC5YPE", "ga4",
                TestHits.PROPERTY.sessionTimeout(), excluded);
        return (String) write(property, put(h1(), "dl", dl)).get(0).get("page_location");
    }

    @Test
    void v09ExcludedParamsAreStrippedAndTheRestReEncoded() throws Exception {
        assertEquals("https://example.com/page?foo=bar", stripped(PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS,
                "https://example.com/page?utm_source=google&gclid=abc123&fbclid=xyz789&foo=bar"));
        assertEquals("https://example.com/page?foo=bar", stripped(List.of("utm_source", "utm_medium", "utm_campaign"),
                "https://example.com/page?utm_source=google&utm_medium=cpc&utm_campaign=test&foo=bar"));
        assertEquals("https://example.com/page?gclid=abc123&fbclid=xyz789&foo=bar", stripped(List.of(),
                "https://example.com/page?gclid=abc123&fbclid=xyz789&foo=bar"));
        assertEquals("https://example.com/page?baz=qux&fbclid=xyz789&foo=bar&gclid=abc123&utm_source=google",
                stripped(List.of("utm_medium", "utm_campaign"), "https://example.com/page?utm_source=google"
                        + "&utm_medium=cpc&gclid=abc123&fbclid=xyz789&utm_campaign=test&foo=bar&baz=qux"));
        assertEquals("https://example.com/page?foo=bar&baz=qux", stripped(List.of("utm_source"),
                "https://example.com/page?foo=bar&baz=qux"));
        assertEquals("", stripped(PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS, ""));
        BrokenEventException error = assertThrows(BrokenEventException.class,
                () -> PageUrlColumns.location("http://[::1", List.of("utm_source")));
        assertTrue(error.getMessage().contains("missing ']' in host"), error.getMessage());
    }

    @Test
    void v10PathHostnameTitleReferrer() {
        assertEquals("/page", rowWithDl("https://example.com/page").get("page_path"));
        Map<String, Object> bareHost = rowWithDl("https://example.com");
        assertEquals("", bareHost.get("page_path"));
        assertEquals("example.com", bareHost.get("page_hostname"));
        assertEquals("/", rowWithDl("https://example.com/").get("page_path"));
        Map<String, Object> empty = rowWithDl("");
        assertEquals("", empty.get("page_path"));
        assertEquals("", empty.get("page_hostname"));
        assertEquals("", rowWithDl("ansdaksbfasbf9123123http:dadasdsakasd1337").get("page_hostname"));
        assertEquals("Test Page", write(put(h1(), "dt", "Test Page")).get(0).get("page_title"));
        assertEquals("", write(put(h1(), "dt", "")).get(0).get("page_title"));
        assertEquals("https://google.com", write(put(h1(), "dr", "https://google.com")).get(0).get("page_referrer"));
        assertEquals("", write(put(h1(), "dr", "")).get(0).get("page_referrer"));
    }

    @Test
    void urlsGoCannotParseBreakTheEvent() {
        assertEquals(List.of(), write(put(h1(), "dl", "https://example.com/%zz")));
        Hit fine = put(h1(), "dl", "https://example.com/ok");
        assertEquals(1, write(put(h1(), "dl", "http://[::1"), fine).size(), "only the broken event is dropped");
    }

    @Test
    void v14GtmDebug() {
        assertEquals("1337", rowWithDl("https://example.com/page?foo=bar&gtm_debug=1337").get("gtm_debug"));
        assertNull(rowWithDl("https://example.com/page?foo=bar").get("gtm_debug"));
    }

    @Test
    void v23UtmAndClickIds() {
        for (String utm : List.of("utm_marketing_tactic", "utm_source_platform", "utm_term", "utm_content",
                "utm_source", "utm_medium", "utm_campaign", "utm_id", "utm_creative_format")) {
            assertEquals("1337", rowWithDl("https://example.com/page?foo=bar&" + utm + "=1337").get(utm), utm);
        }
        for (String clickId : List.of("gclid", "dclid", "srsltid", "gbraid", "wbraid", "fbclid", "msclkid")) {
            assertEquals("1337", rowWithDl("https://example.com/page?foo=bar&" + clickId + "=1337")
                    .get("click_id_" + clickId), clickId);
        }
        Map<String, Object> none = rowWithDl("https://example.com/page?foo=bar");
        none.forEach((column, value) -> {
            if (column.startsWith("utm_") || column.startsWith("click_id_")) {
                assertNull(value, column);
            }
        });
    }

    @Test
    void campaignColumnsReadTheUrlAsSentEvenWhenStripped() {
        PropertySettings property = new PropertySettings("1234567890", "Test Property", "G-2VEWJC5YPE", "ga4",
                TestHits.PROPERTY.sessionTimeout(), PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS);
        Map<String, Object> row = write(property, put(h1(), "dl", "https://example.com/?utm_source=news&gclid=g1"))
                .get(0);
        assertEquals("https://example.com/", row.get("page_location"));
        assertEquals("news", row.get("utm_source"));
        assertEquals("g1", row.get("click_id_gclid"));
    }
}
