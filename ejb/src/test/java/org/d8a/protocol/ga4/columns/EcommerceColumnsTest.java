package org.d8a.protocol.ga4.columns;

import static org.d8a.columns.TestHits.h1;
import static org.d8a.columns.TestHits.put;
import static org.d8a.columns.TestHits.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.d8a.catalog.ColumnCatalog;
import org.d8a.columns.TestEnrichment;
import org.d8a.columns.TestHits;
import org.d8a.enrich.Enrichment;
import org.d8a.enrich.currency.CurrencyConversionException;
import org.d8a.hits.Hit;
import org.junit.jupiter.api.Test;

/**
 * Ecommerce vectors V14 and V18-V22 of spec/ga4-protocol-and-columns.md §8.3, with the spec's dummy converter (amount
 * times a factor) or none (rates unavailable), and the currency taken from {@code cu} before {@code ep.currency}.
 */
class EcommerceColumnsTest {

    /** The row of {@code hit} with rates unavailable. */
    private static Map<String, Object> rowOf(Hit hit) {
        return write(hit).get(0);
    }

    /** The row of {@code hit} converted at {@code factor}. */
    private static Map<String, Object> rowOf(Hit hit, double factor) {
        return TestHits.write(ColumnCatalog.columnsFor(TestHits.PROPERTY, List.of(),
                TestEnrichment.converting(factor)), TestHits.PROPERTY, hit).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> row) {
        return (List<Map<String, Object>>) row.get("ecommerce_items");
    }

    private static Hit event(String name, String... keyValues) {
        Hit hit = put(h1(), keyValues);
        hit.setEventName(name);
        return put(hit, "en", name);
    }

    /** Items as V22 writes them: {@code pr<n>="id<ID>~pr<%.2f price>~qt<%.0f qty>"}. */
    private static Hit withItems(Hit hit, Object[]... items) {
        for (int i = 0; i < items.length; i++) {
            put(hit, "pr" + (i + 1), String.format(Locale.ROOT, "id%s~pr%.2f~qt%.0f", items[i][0],
                    (Double) items[i][1], (Double) items[i][2]));
        }
        return hit;
    }

    @Test
    void v14NoItemsMeansZeroQuantity() {
        Map<String, Object> row = rowOf(put(h1(), "foo", "bar"));
        assertEquals(0L, row.get("ecommerce_items_total_quantity"));
        assertEquals(List.of(), row.get("ecommerce_items"));
    }

    @Test
    void v18AllItemFields() {
        Hit hit = put(h1(), "ep.currency", "EUR", "pr1", "idSKU_12345~nmStan and Friends Tee~afGoogle Store"
                + "~cpSUMMER_FUN~ds2.22~lp5~brGoogle~caApparel~c2Adult~c3Shirts~c4Crew~c5Short sleeve"
                + "~lirelated_products~lnRelated products~vagreen~loChIJIQBpAG2ahYAR_6128GcTUEo~pr10.01~qt3"
                + "~cnSummer Creative~csheader-banner~piPROMO_123~pnSummer Sale");
        Map<String, Object> item = items(rowOf(hit, 2)).get(0);
        assertEquals("SKU_12345", item.get("item_id"));
        assertEquals("Stan and Friends Tee", item.get("item_name"));
        assertEquals("Google Store", item.get("affiliation"));
        assertEquals("SUMMER_FUN", item.get("coupon"));
        assertEquals(2.22, item.get("discount"));
        assertEquals(5.0, item.get("index"));
        assertEquals("Google", item.get("item_brand"));
        assertEquals("Apparel", item.get("item_category"));
        assertEquals("Adult", item.get("item_category2"));
        assertEquals("Shirts", item.get("item_category3"));
        assertEquals("Crew", item.get("item_category4"));
        assertEquals("Short sleeve", item.get("item_category5"));
        assertEquals("related_products", item.get("item_list_id"));
        assertEquals("Related products", item.get("item_list_name"));
        assertEquals("green", item.get("item_variant"));
        assertEquals("ChIJIQBpAG2ahYAR_6128GcTUEo", item.get("location_id"));
        assertEquals(10.01, item.get("price"));
        assertEquals(20.02, item.get("price_in_usd"));
        assertEquals(3.0, item.get("quantity"));
        assertEquals(0.0, item.get("item_refund"));
        assertEquals(0.0, item.get("item_refund_in_usd"));
        assertEquals(30.03, item.get("item_revenue"));
        assertEquals(60.06, item.get("item_revenue_in_usd"));
        assertEquals("Summer Creative", item.get("creative_name"));
        assertEquals("header-banner", item.get("creative_slot"));
        assertEquals("PROMO_123", item.get("promotion_id"));
        assertEquals("Summer Sale", item.get("promotion_name"));
        assertEquals(List.of("item_id", "item_name", "affiliation", "coupon", "discount", "index", "item_brand",
                "item_category", "item_category2", "item_category3", "item_category4", "item_category5",
                "item_list_id", "item_list_name", "item_variant", "location_id", "price", "price_in_usd", "quantity",
                "item_refund", "item_refund_in_usd", "item_revenue", "item_revenue_in_usd", "promotion_id",
                "promotion_name", "creative_name", "creative_slot"),
                List.copyOf(item.keySet()));
    }

    @Test
    void v19RefundVersusRevenue() {
        Map<String, Object> refund = items(rowOf(event("refund", "pr1", "idSKU_12345~pr10.01~qt3"), 1)).get(0);
        assertEquals(List.of(10.01, 3.0, 30.03, 0.0), List.of(refund.get("price"), refund.get("quantity"),
                refund.get("item_refund"), refund.get("item_revenue")));
        Map<String, Object> purchase = items(rowOf(event("purchase", "pr1", "idSKU_12345~pr10.01~qt3"), 1))
                .get(0);
        assertEquals(List.of(10.01, 3.0, 0.0, 30.03), List.of(purchase.get("price"), purchase.get("quantity"),
                purchase.get("item_refund"), purchase.get("item_revenue")));
    }

    @Test
    void v20EventLevelFallbacks() {
        Map<String, Object> item = items(rowOf(put(h1(), "pr1", "idSKU_12345", "ep.item_list_id", "related_products",
                "ep.item_list_name", "Related products", "ep.creative_name", "Event Creative",
                "ep.creative_slot", "event-banner", "ep.promotion_id", "EVENT_PROMO_456",
                "ep.promotion_name", "Event Promotion"))).get(0);
        assertEquals("SKU_12345", item.get("item_id"));
        assertEquals("related_products", item.get("item_list_id"));
        assertEquals("Related products", item.get("item_list_name"));
        assertEquals("Event Creative", item.get("creative_name"));
        assertEquals("event-banner", item.get("creative_slot"));
        assertEquals("EVENT_PROMO_456", item.get("promotion_id"));
        assertEquals("Event Promotion", item.get("promotion_name"));
        assertEquals(0.0, item.get("price"), "missing price is 0");
        assertEquals(0.0, item.get("quantity"), "missing quantity is 0");
    }

    @Test
    void v21RatesUnavailableGiveNullUsdValuesAndKeepTheBaseValues() {
        Map<String, Object> row = rowOf(event("purchase", "pr1", "idSKU_12345~pr10.01~qt3", "ep.currency", "EUR"));
        assertEquals(30.03, row.get("ecommerce_purchase_revenue"));
        assertNull(row.get("ecommerce_purchase_revenue_in_usd"));
        Map<String, Object> item = items(row).get(0);
        assertNull(item.get("price_in_usd"));
        assertNull(item.get("item_revenue_in_usd"));
        assertNull(item.get("item_refund_in_usd"));
        Map<String, Object> values = rowOf(event("purchase", "ep.currency", "EUR", "epn.value", "10.00",
                "epn.shipping", "3.00", "epn.tax", "2.00"));
        assertEquals(3.0, values.get("ecommerce_shipping_value"));
        assertEquals(2.0, values.get("ecommerce_tax_value"));
        assertEquals(0.0, values.get("ecommerce_purchase_revenue"), "epn.value is not used");
        assertNull(values.get("ecommerce_purchase_revenue_in_usd"));
        assertNull(values.get("ecommerce_shipping_value_in_usd"));
        assertNull(values.get("ecommerce_tax_value_in_usd"));
    }

    @Test
    void v22Aggregates() {
        Map<String, Object> refund = assertAggregates(withItems(event("refund", "ep.currency", "EUR"),
                new Object[] {"SKU_12345", 10.01, 3.0}), 1L, 3L, 0.0, 30.03);
        assertEquals(0.0, refund.get("ecommerce_purchase_revenue_in_usd"));
        assertEquals(15.02, refund.get("ecommerce_refund_value_in_usd"));
        Map<String, Object> purchase = assertAggregates(withItems(event("purchase", "ep.currency", "EUR"),
                new Object[] {"SKU_12345", 10.01, 3.0}), 1L, 3L, 30.03, 0.0);
        assertEquals(15.02, purchase.get("ecommerce_purchase_revenue_in_usd"));
        Map<String, Object> noCurrency = assertAggregates(withItems(event("refund"),
                new Object[] {"SKU_12345", 10.01, 3.0}, new Object[] {"SKU_12346", 10.02, 4.0}), 2L, 7L, 0.0, 70.11);
        assertNull(noCurrency.get("ecommerce_purchase_revenue_in_usd"));
        assertAggregates(withItems(event("purchase"), new Object[] {"SKU_12345", 10.01, 3.0},
                new Object[] {"SKU_12345", 10.02, 4.0}), 1L, 7L, 70.11, 0.0);
        Map<String, Object> refund40 = rowOf(withItems(event("refund", "ep.currency", "EUR"),
                new Object[] {"SKU_12345", 20.0, 2.0}), 0.5);
        assertEquals(40.0, refund40.get("ecommerce_refund_value"));
        assertEquals(20.0, refund40.get("ecommerce_refund_value_in_usd"));
        assertEquals(0.0, refund40.get("ecommerce_purchase_revenue_in_usd"));

        Map<String, Object> plain = rowOf(withItems(event("purchase", "ep.currency", "EUR"),
                new Object[] {"SKU_12345", 10.0, 1.0}), 0.5);
        assertEquals(10.0, plain.get("ecommerce_purchase_revenue"));
        assertEquals(5.0, plain.get("ecommerce_purchase_revenue_in_usd"));
        assertEquals(0.0, plain.get("ecommerce_shipping_value"));
        assertEquals(0.0, plain.get("ecommerce_shipping_value_in_usd"));
        assertNull(plain.get("ecommerce_tax_value"));
        assertNull(plain.get("ecommerce_tax_value_in_usd"));
        Map<String, Object> shipping = rowOf(withItems(event("purchase", "ep.currency", "EUR", "epn.shipping",
                "3.00"), new Object[] {"SKU_12345", 10.0, 1.0}), 0.5);
        assertEquals(3.0, shipping.get("ecommerce_shipping_value"));
        assertEquals(1.5, shipping.get("ecommerce_shipping_value_in_usd"));
        Map<String, Object> tax = rowOf(withItems(event("purchase", "ep.currency", "EUR", "epn.tax", "2.00"),
                new Object[] {"SKU_12345", 10.0, 1.0}), 0.5);
        assertEquals(2.0, tax.get("ecommerce_tax_value"));
        assertEquals(1.0, tax.get("ecommerce_tax_value_in_usd"));

        Map<String, Object> addToCart = rowOf(withItems(event("add_to_cart", "ep.currency", "EUR"),
                new Object[] {"SKU_12345", 10.0, 2.0}), 0.5);
        assertEquals(2L, addToCart.get("ecommerce_items_total_quantity"));
        assertEquals(0.0, addToCart.get("ecommerce_purchase_revenue"));
        assertEquals(0.0, addToCart.get("ecommerce_purchase_revenue_in_usd"));
        assertEquals(0.0, addToCart.get("ecommerce_refund_value"));
        Map<String, Object> cartShipping = rowOf(withItems(event("add_to_cart", "ep.currency", "EUR",
                "epn.shipping", "5.00"), new Object[] {"SKU_12345", 10.0, 1.0}), 0.5);
        assertEquals(0.0, cartShipping.get("ecommerce_shipping_value"));
        assertEquals(0.0, cartShipping.get("ecommerce_shipping_value_in_usd"));
        Map<String, Object> refundShipping = rowOf(withItems(event("refund", "ep.currency", "EUR", "epn.shipping",
                "3.00"), new Object[] {"SKU_12345", 10.0, 1.0}), 0.5);
        assertEquals(10.0, refundShipping.get("ecommerce_refund_value"));
        assertEquals(3.0, refundShipping.get("ecommerce_shipping_value"));
        assertEquals(1.5, refundShipping.get("ecommerce_shipping_value_in_usd"));
    }

    @Test
    void currencyComesFromCuBeforeEpCurrency() {
        List<String> seen = new ArrayList<>();
        Enrichment offline = TestEnrichment.offline();
        Enrichment recording = new Enrichment(offline.devices(), offline.geo(), offline.attribution(),
                (base, quote, amount) -> {
                    seen.add(base + "->" + quote);
                    return OptionalDouble.of(amount * 0.5);
                });
        Hit both = withItems(event("purchase", "cu", "GBP", "ep.currency", "EUR"), new Object[] {"S", 10.0, 1.0});
        Map<String, Object> row = TestHits.write(ColumnCatalog.columnsFor(TestHits.PROPERTY, List.of(), recording),
                TestHits.PROPERTY, both).get(0);

        assertEquals(5.0, row.get("ecommerce_purchase_revenue_in_usd"));
        assertEquals("EUR", row.get("params_currency"), "params_currency stays ep.currency");
        assertEquals(true, seen.stream().allMatch("GBP->USD"::equals), seen.toString());

        Hit gtagOnly = withItems(event("purchase", "cu", "EUR"), new Object[] {"S", 10.0, 1.0});
        assertEquals(5.0, rowOf(gtagOnly, 0.5).get("ecommerce_purchase_revenue_in_usd"),
                "unmodified gtag traffic (cu only) is converted: the deliberate fix");
        Hit usd = event("purchase", "cu", "USD", "pr1", "idS~pr10.001~qt1");
        assertEquals(10.001, rowOf(usd, 0.5).get("ecommerce_purchase_revenue_in_usd"), "USD: unchanged, unrounded");
    }

    @Test
    void aBlankCurrencyBreaksTheEventAsInTheReference() {
        Enrichment offline = TestEnrichment.offline();
        Enrichment strict = new Enrichment(offline.devices(), offline.geo(), offline.attribution(),
                (base, quote, amount) -> {
                    if (base.isBlank()) {
                        throw new CurrencyConversionException("blank base currency");
                    }
                    return OptionalDouble.of(amount);
                });
        Hit blank = withItems(event("purchase", "ep.currency", " "), new Object[] {"S", 10.0, 1.0});
        Hit other = TestHits.h3();

        List<Map<String, Object>> rows = TestHits.write(ColumnCatalog.columnsFor(TestHits.PROPERTY, List.of(),
                strict), TestHits.PROPERTY, blank, other);

        assertEquals(List.of("test-hit-three"), rows.stream().map(row -> row.get("id")).toList(),
                "only the event with the blank currency is dropped");
    }

    private static Map<String, Object> assertAggregates(Hit hit, long uniqueItems, long quantity, double revenue,
            double refund) {
        Map<String, Object> row = rowOf(hit, 0.5);
        assertEquals(uniqueItems, row.get("ecommerce_unique_items"));
        assertEquals(quantity, row.get("ecommerce_items_total_quantity"));
        assertEquals(revenue, row.get("ecommerce_purchase_revenue"));
        assertEquals(refund, row.get("ecommerce_refund_value"));
        return row;
    }

    @Test
    void itemsFollowTheirNumberThenOtherKeysAndNeedAnIdOrName() {
        Hit hit = put(h1(), "pr10", "idTEN", "pr2", "idTWO", "prx", "nmX", "pr1", "caOnly~qt2", "pr3", "");
        List<Map<String, Object>> items = items(rowOf(hit));
        assertEquals(List.of("TWO", "TEN"), items.subList(0, 2).stream().map(i -> i.get("item_id")).toList());
        assertEquals("X", items.get(2).get("item_name"));
        assertEquals(3, items.size(), "an item without id and name is dropped, an empty pr value is no item");
        assertEquals(2L, rowOf(hit).get("ecommerce_unique_items"), "items with only a name are not counted");
    }
}
