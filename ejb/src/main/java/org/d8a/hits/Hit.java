package org.d8a.hits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tracked event as accepted by the receiver, with the snapshot of the request it came from. It travels through the
 * hits queue, the proto-session store and the spool in the form written by {@link HitCodec}.
 *
 * <p>The request body is not kept: it only counts towards the size limit at validation, and every hit of a multi-line
 * request already carries its own merged parameters.</p>
 */
public class Hit {

    private String id;
    private String clientId;
    private String authoritativeClientId;
    private String propertyId;
    private String userId;
    private String eventName;
    private String ip;
    private String host;
    private String path;
    private String method;
    private long receivedAtMillis;
    private long arrivalSeq;
    private Map<String, List<String>> queryParams = new LinkedHashMap<>();
    private Map<String, List<String>> headers = new LinkedHashMap<>();
    private Map<String, String> metadata = new LinkedHashMap<>();

    /** First value of a query parameter, {@code ""} when absent (GA4 reads never see null). */
    public String param(String key) {
        List<String> values = queryParams.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** First value of a header by case-insensitive name, {@code ""} when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return "";
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getAuthoritativeClientId() {
        return authoritativeClientId;
    }

    public void setAuthoritativeClientId(String authoritativeClientId) {
        this.authoritativeClientId = authoritativeClientId;
    }

    public String getPropertyId() {
        return propertyId;
    }

    public void setPropertyId(String propertyId) {
        this.propertyId = propertyId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getEventName() {
        return eventName;
    }

    public void setEventName(String eventName) {
        this.eventName = eventName;
    }

    public String getIp() {
        return ip;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public long getReceivedAtMillis() {
        return receivedAtMillis;
    }

    public void setReceivedAtMillis(long receivedAtMillis) {
        this.receivedAtMillis = receivedAtMillis;
    }

    /** Receiver-assigned, increasing order of arrival; breaks ties between hits received in the same millisecond. */
    public long getArrivalSeq() {
        return arrivalSeq;
    }

    public void setArrivalSeq(long arrivalSeq) {
        this.arrivalSeq = arrivalSeq;
    }

    public Map<String, List<String>> getQueryParams() {
        return queryParams;
    }

    public void setQueryParams(Map<String, List<String>> queryParams) {
        this.queryParams = queryParams;
    }

    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, List<String>> headers) {
        this.headers = headers;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
    }
}
