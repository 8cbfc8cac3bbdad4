package org.d8a.protocol.ga4.columns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.columns.casts.Casts;
import org.d8a.hits.Hit;

/**
 * The generic {@code params} list (spec §2.8): every {@code ep.*} value as text and every parseable {@code epn.*} value
 * as a number, sorted by name (UTF-8 bytes), then {@code ep} before {@code epn}, then in request order. The reference
 * leaves the order of equal names to a hash map; this order is the spec's recommendation. The {@code user_properties}
 * list is made the same way of {@code up.*} and {@code upn.*} (a deliberate addition: the reference drops them).
 */
final class EventParamsList {


    private EventParamsList() {
    }

    private record Element(String name, int kind, int sequence, String text, Double number) {

        Map<String, Object> toStruct() {
            Map<String, Object> struct = new LinkedHashMap<>();
            struct.put("name", name);
            struct.put("value_string", text);
            struct.put("value_number", number);
            return struct;
        }
    }

    static List<Map<String, Object>> of(Hit hit) {
        return list(hit, "ep.", "epn.");
    }

    static List<Map<String, Object>> userProperties(Hit hit) {
        return list(hit, "up.", "upn.");
    }

    private static List<Map<String, Object>> list(Hit hit, String textPrefix, String numberPrefix) {
        List<Element> elements = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : hit.getQueryParams().entrySet()) {
            String key = parameter.getKey();
            for (String value : parameter.getValue()) {
                if (key.startsWith(textPrefix)) {
                    elements.add(new Element(key.substring(textPrefix.length()), 0, elements.size(), value, null));
                } else if (key.startsWith(numberPrefix)) {
                    Double number = Casts.float64(value);
                    if (number != null) {
                        elements.add(new Element(key.substring(numberPrefix.length()), 1, elements.size(), null,
                                number));
                    }
                }
            }
        }
        elements.sort(Comparator.<Element, byte[]>comparing(e -> e.name().getBytes(StandardCharsets.UTF_8),
                        Arrays::compareUnsigned)
                .thenComparingInt(Element::kind).thenComparingInt(Element::sequence));
        return elements.stream().map(Element::toStruct).toList();
    }
}
