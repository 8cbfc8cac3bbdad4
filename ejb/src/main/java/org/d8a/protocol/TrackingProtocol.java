package org.d8a.protocol;

import java.util.List;
import org.d8a.hits.Hit;
import org.d8a.hits.HitRejectedException;
import org.d8a.hits.ParsedRequest;
import org.d8a.properties.PropertyRegistry;

/** What the intake needs of a tracking protocol: its id, and the hits of one request (all of them, or an error). */
public interface TrackingProtocol {

    /** The id a property names in its {@code protocol} setting ({@code ga4}, {@code d8a}, {@code matomo}). */
    String id();

    /**
     * The hits of {@code request}, each resolved to its property.
     *
     * @throws HitRejectedException when the request or any of its hits is invalid: none of them is kept
     */
    List<Hit> createHits(ParsedRequest request, PropertyRegistry properties) throws HitRejectedException;
}
