package org.d8a.hits;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the receiver keeps of one hit-creating HTTP request; every hit created from it gets a copy.
 *
 * @param ip client address, after proxy resolution
 * @param receivedAtMillis wall-clock time the request was read; the only time source of every time column
 * @param queryParams the URL's query, decoded once, multi-valued, in order
 * @param headers request headers, multi-valued
 * @param body the raw body as text ({@code ""} when there is none)
 */
public record ParsedRequest(String ip, String host, String path, String method, long receivedAtMillis,
                            Map<String, List<String>> queryParams, Map<String, List<String>> headers, String body) {

    /**
     * A hit of this request with a fresh random id and {@code parameters} as its query, as the protocol resolved it.
     *
     * @param clientId the client id, also the authoritative one
     * @param userId the user id; {@code ""} for none (null)
     */
    public Hit newHit(Map<String, List<String>> parameters, String clientId, String propertyId, String userId,
            String eventName) {
        Hit hit = new Hit();
        hit.setId(UUID.randomUUID().toString());
        hit.setClientId(clientId);
        hit.setAuthoritativeClientId(clientId);
        hit.setPropertyId(propertyId);
        hit.setUserId(userId.isEmpty() ? null : userId);
        hit.setEventName(eventName);
        hit.setIp(ip);
        hit.setHost(host);
        hit.setPath(path);
        hit.setMethod(method);
        hit.setReceivedAtMillis(receivedAtMillis);
        hit.setQueryParams(parameters);
        hit.setHeaders(headers);
        return hit;
    }
}
