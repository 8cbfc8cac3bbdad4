package org.d8a.hits;

import java.util.List;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;

/**
 * The reference's validation rules (spec/pipeline.md §1.7), applied to every hit of a request before any of them is
 * queued: one failing hit rejects the whole request.
 */
public class HitValidator {

    private final PropertyRegistry properties;
    private final long maxHitBytes;

    public HitValidator(PropertyRegistry properties, int maxHitKbytes) {
        this.properties = properties;
        this.maxHitBytes = maxHitKbytes * 1024L;
    }

    public void validate(List<Hit> hits, String body, String endpointProtocol) throws HitRejectedException {
        long bodyBytes = HitSize.bytes(body);
        for (Hit hit : hits) {
            validate(hit, bodyBytes, endpointProtocol);
        }
    }

    private void validate(Hit hit, long bodyBytes, String endpointProtocol) throws HitRejectedException {
        require(hit.getClientId(), "client id");
        require(hit.getAuthoritativeClientId(), "authoritative client id");
        require(hit.getPropertyId(), "property id");
        if (hit.getHeaders().isEmpty()) {
            throw new HitRejectedException("request has no headers");
        }
        require(hit.getHost(), "host");
        require(hit.getPath(), "path");
        require(hit.getMethod(), "method");
        long size = HitSize.of(hit, bodyBytes);
        if (size > maxHitBytes) {
            throw new HitRejectedException("hit size " + size + " bytes exceeds the limit of " + maxHitBytes
                    + " bytes (receiver.max_hit_kbytes)");
        }
        PropertySettings property = properties.byId(hit.getPropertyId());
        if (!property.protocol().equals(endpointProtocol)) {
            throw new HitRejectedException("property protocol " + property.protocol()
                    + " does not match endpoint protocol " + endpointProtocol);
        }
        require(hit.getEventName(), "event name");
    }

    private static void require(String value, String what) throws HitRejectedException {
        if (value == null || value.isEmpty()) {
            throw new HitRejectedException("missing " + what);
        }
    }
}
