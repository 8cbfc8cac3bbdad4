package org.d8a.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.d8a.columns.TestHits;
import org.junit.jupiter.api.Test;

/**
 * Duplicate suppression (issue 4 item 4): identical lines of one request are distinct events, a retried request is
 * recognised line for line. The store skips a hit whose fingerprint its open proto-session already holds.
 */
class RequestRepeatsTest {

    private static Hit line(String clientId, String event) {
        Hit hit = TestHits.put(TestHits.bare(event), "dl", "https://example.com/");
        hit.setClientId(clientId);
        return hit;
    }

    private static List<String> fingerprints(List<Hit> request) {
        RequestRepeats.number(request);
        return request.stream().map(Isolation::fingerprint).toList();
    }

    @Test
    void identicalLinesOfOneRequestHaveDistinctFingerprints() {
        List<String> request = fingerprints(List.of(line("c1", "add_to_cart"), line("c1", "add_to_cart"),
                line("c1", "add_to_cart")));
        assertEquals(3, request.stream().distinct().count());
    }

    @Test
    void aRetriedRequestMatchesTheOriginalLineForLine() {
        List<String> original = fingerprints(List.of(line("c1", "add_to_cart"), line("c1", "page_view"),
                line("c1", "add_to_cart")));
        List<String> retry = fingerprints(List.of(line("c1", "add_to_cart"), line("c1", "page_view"),
                line("c1", "add_to_cart")));
        assertEquals(original, retry);
    }

    @Test
    void theFirstLineKeepsThePlainFingerprint() {
        Hit single = line("c1", "add_to_cart");
        String plain = Isolation.fingerprint(single);
        List<String> request = fingerprints(List.of(single, line("c1", "add_to_cart")));
        assertEquals(plain, request.get(0), "a lone retry of the first line still matches");
        assertNotEquals(plain, request.get(1));
    }

    @Test
    void linesOfOtherClientsOrEventsAreNotRepeats() {
        Hit a = line("c1", "add_to_cart");
        Hit b = line("c2", "add_to_cart");
        Hit c = line("c1", "page_view");
        RequestRepeats.number(List.of(a, b, c));
        assertEquals(List.of(false, false, false), List.of(a, b, c).stream()
                .map(hit -> hit.getMetadata().containsKey(RequestRepeats.METADATA_KEY)).toList());
    }

    @Test
    void numberingAgainGivesTheSameNumbers() {
        List<Hit> request = List.of(line("c1", "add_to_cart"), line("c1", "add_to_cart"));
        List<String> first = fingerprints(request);
        assertEquals(first, fingerprints(request), "a replayed request is numbered the same, not 2 and 3");
    }
}
