package org.d8a.hits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the lines of one request that repeat an earlier line of the same request exactly. Two identical lines in one
 * batched request are two events (as in the reference), but they have the same {@link Isolation#fingerprint}, which
 * the store uses to skip a client's retry of a whole request. The number (1 for the first repeat, 2 for the next...)
 * enters the fingerprint, so the lines of one request never match each other, while a retried request numbers its
 * lines the same way and still matches the original line for line.
 */
public final class RequestRepeats {

    /** Hit metadata: how many identical lines came before this one in its request; absent for the first. */
    public static final String METADATA_KEY = "repeat_in_request";

    private RequestRepeats() {
    }

    /** Marks the repeats among the hits of one request, given in request order. */
    public static void number(List<Hit> requestHits) {
        if (requestHits.size() < 2) {
            // most requests carry one hit, which repeats nothing: no fingerprint on the receiver's path
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Hit hit : requestHits) {
            hit.getMetadata().remove(METADATA_KEY);
            int earlier = seen.merge(Isolation.fingerprint(hit), 1, Integer::sum) - 1;
            if (earlier > 0) {
                hit.getMetadata().put(METADATA_KEY, Integer.toString(earlier));
            }
        }
    }
}
