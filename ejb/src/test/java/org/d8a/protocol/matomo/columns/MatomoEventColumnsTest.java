package org.d8a.protocol.matomo.columns;

import static org.d8a.protocol.matomo.columns.MatomoHits.base;
import static org.d8a.protocol.matomo.columns.MatomoHits.row;
import static org.d8a.protocol.matomo.columns.MatomoHits.structs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.properties.PropertySettings;
import org.junit.jupiter.api.Test;

/** The event-column vectors V11-V28 of spec/matomo-protocol.md §4, with the spec's values. */
class MatomoEventColumnsTest {

    private static Object value(String column, String... keyValues) {
        return row(base(keyValues)).get(column);
    }

    @Test
    void v11IgnoreReferrerEitherSpellingNullWhenNeither() {
        assertEquals(true, value("ignore_referrer", "ignore_referrer", "1"));
        assertEquals(true, value("ignore_referrer", "ignore_referer", "1"));
        assertEquals(false, value("ignore_referrer", "ignore_referrer", "0"));
        assertEquals(false, value("ignore_referrer", "ignore_referrer", ""));
        assertNull(value("ignore_referrer"));
    }

    @Test
    void v12DateAndTimestampAreTheUtcReceiveTime() {
        Hit hit = base();
        hit.setReceivedAtMillis(OffsetDateTime.parse("2025-01-01T01:00:00+01:00").toInstant().toEpochMilli());
        Map<String, Object> row = row(hit);
        assertEquals(LocalDate.parse("2025-01-01"), row.get("date_utc"));
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), row.get("timestamp_utc"));
    }

    @Test
    void v13ReferrerTitleProtocolAndPlatform() {
        Map<String, Object> row = row(base("urlref", "https://example.com", "action_name", "My Page"));
        assertEquals("https://example.com", row.get("page_referrer"));
        assertEquals("My Page", row.get("page_title"));
        assertEquals("matomo", row.get("tracking_protocol"));
        assertEquals("web", row.get("platform"));
        Map<String, Object> bare = row(MatomoHits.without("action_name", "url"));
        assertEquals("", bare.get("page_referrer"));
        assertEquals("", bare.get("page_title"));
        assertEquals("", bare.get("page_location"));
    }

    private static Object location(String url, List<String> excluded) {
        return MatomoHits.write(MatomoHits.withExclusions(excluded), base("url", url)).get(0).get("page_location");
    }

    @Test
    void v14WithoutExclusionsTheUrlIsKept() {
        assertEquals("https://example.com/path?foo=bar", location("https://example.com/path?foo=bar", List.of()));
        assertEquals("https://example.com/path?gclid=abc123&fbclid=xyz789&foo=bar",
                location("https://example.com/path?gclid=abc123&fbclid=xyz789&foo=bar", List.of()));
    }

    @Test
    void v15ExcludedParamsAreStrippedAndTheRestSorted() {
        assertEquals("https://example.com/path?foo=bar",
                location("https://example.com/path?utm_source=google&gclid=abc123&fbclid=xyz789&foo=bar",
                        PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS));
        assertEquals("https://example.com/path?foo=bar",
                location("https://example.com/path?utm_source=google&utm_medium=cpc&utm_campaign=test&foo=bar",
                        List.of("utm_source", "utm_medium", "utm_campaign")));
        assertEquals("https://example.com/path?baz=qux&fbclid=xyz789&foo=bar&gclid=abc123&utm_source=google",
                location("https://example.com/path?utm_source=google&utm_medium=cpc&gclid=abc123&fbclid=xyz789"
                        + "&utm_campaign=test&foo=bar&baz=qux", List.of("utm_medium", "utm_campaign")));
    }

    @Test
    void v16ABrokenUrlDropsItsEventOnly() {
        assertEquals(0, MatomoHits.write(MatomoHits.withExclusions(PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS),
                base("url", "://bad")).size());
        // Quirk 12 fixed: the good event of the same session is still written, with its page columns.
        Hit good = base("url", "https://example.com/ok");
        good.setReceivedAtMillis(TestHits.T0 + 1000);
        List<Map<String, Object>> rows = MatomoHits.write(
                MatomoHits.withExclusions(PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS), base("url", "://bad"), good);
        assertEquals(1, rows.size());
        assertEquals("https://example.com/ok", rows.get(0).get("page_location"));
        assertEquals(1L, rows.get(0).get("session_total_events"));
    }

    @Test
    void v17HostnameAndPathOfTheLocation() {
        assertEquals("example.com", value("page_hostname", "url", "https://example.com/path"));
        assertEquals("/my/path", value("page_path", "url", "https://example.com/my/path"));
        assertEquals("", value("page_hostname", "url", "example.com/x"));
        assertEquals("example.com/x", value("page_path", "url", "example.com/x"));
    }

    @Test
    void v18LanguageAndScreenResolution() {
        assertEquals("fr-fr", value("device_language", "lang", "fr-fr"));
        Hit header = base("lang", "");
        header.getHeaders().put("Accept-Language", List.of("de-de"));
        assertEquals("de-de", row(header).get("device_language"));
        assertNull(value("device_language"));
        assertEquals("1920x1080", value("device_screen_resolution", "res", "1920x1080"));
        assertNull(value("device_screen_resolution", "res", ""));
    }

    @Test
    void v19EventParams() {
        assertEquals("42", value("params_site_id", "idsite", "42"));
        assertNull(value("params_site_id", "idsite", ""));
        assertEquals("abc123", value("params_page_view_id", "pv_id", "abc123"));
        assertEquals("7", value("params_goal_id", "idgoal", "7"));
        Map<String, Object> event = row(base("e_c", "checkout", "e_a", "add_to_cart"));
        assertEquals("checkout", event.get("params_category"));
        assertEquals("add_to_cart", event.get("params_action"));
        assertEquals(99.95, value("params_value", "e_v", "99.95"));
        assertEquals(42.0, value("params_value", "e_v", "42"));
        assertNull(value("params_value", "e_v", "not_a_number"));
        assertNull(value("params_value", "e_v", ""));
    }

    @Test
    void v20CustomDimensionsBySlot() {
        assertEquals(structs("slot", 1L, "value", "one", "slot", 2L, "value", "two", "slot", 10L, "value", "ten"),
                value("custom_dimensions", "dimension10", "ten", "dimension2", "two", "dimension1", "one"));
        assertEquals(structs("slot", 1L, "value", "one"), value("custom_dimensions", "dimension1", "one",
                "dimensionX", "x", "dimension", "missing-slot", "dimension3", ""));
        assertNull(value("custom_dimensions"));
        Hit repeated = base("dimension4", "first");
        TestHits.add(repeated, "dimension4", "last");
        assertEquals(structs("slot", 4L, "value", "last"), row(repeated).get("custom_dimensions"));
    }

    @Test
    void v22CustomVariablesOfThePageScope() {
        assertEquals(structs("name", "OS", "value", "iphone 5.0", "name", "Locale", "value", "en::en"),
                value("custom_variables", "cvar", "{\"1\":[\"OS\",\"iphone 5.0\"],\"2\":[\"Locale\",\"en::en\"]}"));
        assertEquals(structs("name", "One", "value", "1", "name", "Two", "value", "2", "name", "Ten", "value", "10",
                "name", "A", "value", "a", "name", "B", "value", "b"), value("custom_variables", "cvar",
                "{\"10\":[\"Ten\",\"10\"],\"2\":[\"Two\",\"2\"],\"1\":[\"One\",\"1\"],\"a\":[\"A\",\"a\"],"
                        + "\"b\":[\"B\",\"b\"]}"));
        assertNull(value("custom_variables", "cvar", "{\"1\":[\"OS\",\"iphone 5.0\"]"));
        assertEquals(structs("name", "OS", "value", "iphone 5.0"), value("custom_variables", "cvar",
                "{\"1\":[\"OS\",\"iphone 5.0\"],\"2\":[\"OnlyName\"],\"3\":[\"Too\",\"Many\",\"Values\"]}"));
        assertNull(value("custom_variables", "cvar", "{\"1\":[\"a\",1]}"));
        assertNull(value("custom_variables", "cvar", "null"));
        assertNull(value("custom_variables", "cvar", "{}"));
        assertNull(value("custom_variables", "_cvar", "{\"1\":[\"OS\",\"iphone\"]}"));
    }

    @Test
    void v24ProductAndOrderScalars() {
        assertEquals(129.99, value("params_product_price", "_pkp", "129.99"));
        assertNull(value("params_product_price", "_pkp", "not_a_number"));
        Map<String, Object> order = row(base("revenue", "249.50", "ec_sh", "14.99", "ec_st", "199.99",
                "ec_tx", "20.75", "ec_dt", "12.00"));
        assertEquals(249.5, order.get("ecommerce_purchase_revenue"));
        assertEquals(14.99, order.get("ecommerce_shipping_value"));
        assertEquals(199.99, order.get("ecommerce_subtotal_value"));
        assertEquals(20.75, order.get("ecommerce_tax_value"));
        assertEquals(12.0, order.get("ecommerce_discount_value"));
        Map<String, Object> product = row(base("_pks", "SKU-123", "_pkn", "Running Shoes", "ec_id", "ORD-12345"));
        assertEquals("SKU-123", product.get("params_product_sku"));
        assertEquals("Running Shoes", product.get("params_product_name"));
        assertEquals("ORD-12345", product.get("ecommerce_order_id"));
        Map<String, Object> one = row(base("_pkc", "Shoes"));
        assertEquals("Shoes", one.get("params_product_category_1"));
        assertNull(one.get("params_product_category_2"));
        Map<String, Object> five = row(base("_pkc", "[\"Men\",\"Shoes\",\"Running\",\"Sneakers\",\"Sale\",\"Ignored\"]"));
        assertEquals(List.of("Men", "Shoes", "Running", "Sneakers", "Sale"), List.of(
                five.get("params_product_category_1"), five.get("params_product_category_2"),
                five.get("params_product_category_3"), five.get("params_product_category_4"),
                five.get("params_product_category_5")));
        assertNull(value("params_product_category_1", "_pkc", "[]"));
        assertNull(value("params_product_category_1", "_pkc", "null"));
        assertEquals("[\"a\",1]", value("params_product_category_1", "_pkc", "[\"a\",1]"));
        assertEquals("", value("params_product_category_1", "_pkc", "[\"\",\"b\"]"));
    }

    private static Map<String, Object> item(String sku, String name, String category1, double price,
            double quantity, String... moreCategories) {
        Map<String, Object> item = new HashMap<>();
        item.put("sku", sku);
        item.put("name", name);
        item.put("category_1", category1);
        for (int i = 2; i <= 5; i++) {
            item.put("category_" + i, moreCategories.length >= i - 1 ? moreCategories[i - 2] : null);
        }
        item.put("price", price);
        item.put("quantity", quantity);
        return item;
    }

    @Test
    void v25EcommerceItemsAndTheirTotalQuantity() {
        Map<String, Object> two = row(base("ec_items",
                "[[\"SKU-1\",\"Item 1\",\"Category 1\",12.34,2],[\"SKU-2\",\"Item 2\",\"Category 2\",56.78,3]]"));
        assertEquals(List.of(item("SKU-1", "Item 1", "Category 1", 12.34, 2.0),
                item("SKU-2", "Item 2", "Category 2", 56.78, 3.0)), two.get("ecommerce_items"));
        assertEquals(5L, two.get("ecommerce_items_total_quantity"));
        assertEquals(List.of(item("SKU-1", "Item 1", "Cat1", 12.34, 2.0, "Cat2", "Cat3", "Cat4", "Cat5")),
                value("ecommerce_items", "ec_items",
                        "[[\"SKU-1\",\"Item 1\",[\"Cat1\",\"Cat2\",\"Cat3\",\"Cat4\",\"Cat5\",\"Ignored\"],12.34,2]]"));
        assertEquals(List.of(item("SKU-1", "", "", 0.0, 1.0)), value("ecommerce_items", "ec_items", "[[\"SKU-1\"]]"));
        assertEquals(3L, value("ecommerce_items_total_quantity", "ec_items",
                "[[\"SKU-1\",\"Item 1\",\"Category 1\",12.34],[\"SKU-2\",\"Item 2\",\"Category 2\",56.78,2]]"));
        Map<String, Object> empty = row(base("ec_items", "[]"));
        assertEquals(List.of(), empty.get("ecommerce_items"));
        assertEquals(0L, empty.get("ecommerce_items_total_quantity"));
        Map<String, Object> none = row(base());
        assertNull(none.get("ecommerce_items"));
        assertEquals(0L, none.get("ecommerce_items_total_quantity"));
        assertEquals(0, MatomoHits.write(MatomoHits.PROPERTY, base("ec_items", "invalid json")).size());
        assertEquals(0, MatomoHits.write(MatomoHits.PROPERTY, base("ec_items", "{\"a\":1}")).size());
    }

    @Test
    void v26TheItemParsersDefaultsAndSkips() throws Exception {
        assertEquals(List.of(item("SKU123", "", "Category", 19.99, 2.0)),
                EcommerceItems.parse("[[\"SKU123\", null, \"Category\", 19.99, 2]]"));
        assertEquals(List.of(item("SKU123", "Product Name", "Category", 0.0, 2.0)),
                EcommerceItems.parse("[[\"SKU123\", \"Product Name\", \"Category\", null, 2]]"));
        assertEquals(List.of(item("SKU123", "Product Name", "Category", 19.99, 1.0)),
                EcommerceItems.parse("[[\"SKU123\", \"Product Name\", \"Category\", 19.99, null]]"));
        assertEquals(List.of(item("SKU123", "Product", "Category", 19.99, 2.0)),
                EcommerceItems.parse("[\"not array\", [\"SKU123\", \"Product\", \"Category\", 19.99, 2]]"));
        assertEquals(List.of(item("SKU123", "Product", "Category", 19.99, 2.0)), EcommerceItems.parse(
                "[[\"SKU123\", \"Product\", \"Category\", 19.99, 2], [null, \"NoSKU\", \"Category\", 19.99, 2]]"));
        assertEquals(List.of(item("123.45", "Product", "Category", 19.99, 2.0)),
                EcommerceItems.parse("[[123.45, \"Product\", \"Category\", 19.99, 2]]"));
        assertNull(EcommerceItems.parse(""));
        assertEquals(List.of(), EcommerceItems.parse("null"));
        assertEquals(0.0, EcommerceItems.parse("[[\"S\",\"n\",\"c\",\"10.5\"]]").get(0).get("price"));
    }

    /** Quirk 11 kept: a numeric SKU is Go's {@code %g} of the float64, a boolean its text. */
    @Test
    void numericSkusAreFormattedAsGoPrintsThem() throws Exception {
        assertEquals(List.of("123", "1.234567e+06", "1e+06", "0.0001", "1e-05", "true"),
                EcommerceItems.parse("[[123],[1234567],[1e6],[0.0001],[0.00001],[true],[false,\"x\"]]").stream()
                        .map(item -> item.get("sku")).toList().subList(0, 6));
        assertEquals("false", EcommerceItems.parse("[[false]]").get(0).get("sku"));
    }

    @Test
    void v27SiteSearch() {
        Map<String, Object> search = row(base("search", "d8a docs"));
        assertEquals("d8a docs", search.get("params_search_term"));
        assertEquals("d8a docs", search.get("params_search_keyword"));
        Map<String, Object> empty = row(base("search", ""));
        assertNull(empty.get("params_search_term"));
        assertNull(empty.get("params_search_keyword"));
        assertEquals("Docs", value("params_search_category", "search_cat", "Docs"));
        assertEquals(7L, value("params_search_count", "search_count", "7"));
        assertEquals(1000L, value("params_search_count", "search_count", "1000"));
        assertNull(value("params_search_count", "search_count", "not_a_number"));
        assertNull(value("params_search_count", "search_count", "7.0"));
    }

    @Test
    void v28ContentMediaAndNavigation() {
        Map<String, Object> content = row(base("c_i", "click", "c_n", "Hero Banner", "c_p", "/assets/banner.jpg",
                "c_t", "https://example.com/landing"));
        assertEquals("click", content.get("params_content_interaction"));
        assertEquals("Hero Banner", content.get("params_content_name"));
        assertEquals("/assets/banner.jpg", content.get("params_content_piece"));
        assertEquals("https://example.com/landing", content.get("params_content_target"));
        Map<String, Object> media = row(base("ma_id", "video_123", "ma_mt", "video"));
        assertEquals("video_123", media.get("params_media_asset_id"));
        assertEquals("video", media.get("params_media_type"));
        Map<String, Object> noMedia = row(base("ma_id", "", "ma_mt", ""));
        assertNull(noMedia.get("params_media_asset_id"));
        assertNull(noMedia.get("params_media_type"));
        assertEquals("https://example.com/page", value("params_link_url", "link", "https://example.com/page"));
        Map<String, Object> none = row(base("link", "", "download", ""));
        assertNull(none.get("params_link_url"));
        assertNull(none.get("params_download_url"));
        assertEquals("https://example.com/file.zip",
                value("params_download_url", "download", "https://example.com/file.zip"));
    }
}
