package org.d8a.protocol.ga4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.hits.Hit;
import org.d8a.hits.HitRejectedException;
import org.d8a.hits.MalformedQueryException;
import org.d8a.hits.ParsedRequest;
import org.d8a.hits.QueryString;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.protocol.TrackingProtocol;

/**
 * Turns a GA4 gtag / Measurement Protocol request into hits (spec/ga4-protocol-and-columns.md §1.5): one hit from the
 * URL alone when the body is blank, otherwise one hit per body line whose parameters replace the URL's key by key.
 * Any bad line rejects the whole request.
 */
public class Ga4Protocol implements TrackingProtocol {

    public static final String ID = "ga4";

    private final String id;

    public Ga4Protocol() {
        this(ID);
    }

    /** The d8a protocol is GA4 under another id. */
    protected Ga4Protocol(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** The value of the {@code tracking_protocol} column of this protocol's events. */
    public String trackingProtocol() {
        return "ga4_gtag";
    }

    @Override
    public List<Hit> createHits(ParsedRequest request, PropertyRegistry properties) throws HitRejectedException {
        String body = request.body().strip();
        List<Map<String, List<String>>> parameterSets = new ArrayList<>();
        if (body.isEmpty()) {
            parameterSets.add(request.queryParams());
        } else {
            int lineNumber = 0;
            for (String line : body.split("\n")) {
                lineNumber++;
                String trimmed = line.strip();
                if (!trimmed.isEmpty()) {
                    parameterSets.add(merge(request.queryParams(), parseLine(trimmed, lineNumber)));
                }
            }
        }
        List<Hit> hits = new ArrayList<>(parameterSets.size());
        for (Map<String, List<String>> parameters : parameterSets) {
            hits.add(createHit(request, parameters, properties));
        }
        return hits;
    }

    private static Map<String, List<String>> parseLine(String line, int lineNumber) throws HitRejectedException {
        try {
            return QueryString.parseStrict(line);
        } catch (MalformedQueryException e) {
            throw new HitRejectedException("body line " + lineNumber + ": " + e.getMessage());
        }
    }

    private static Map<String, List<String>> merge(Map<String, List<String>> url, Map<String, List<String>> line) {
        Map<String, List<String>> merged = new LinkedHashMap<>(url);
        merged.putAll(line);
        return merged;
    }

    private Hit createHit(ParsedRequest request, Map<String, List<String>> parameters, PropertyRegistry properties)
            throws HitRejectedException {
        String clientId = first(parameters, "cid");
        if (clientId.isEmpty()) {
            throw new HitRejectedException("missing client id: the cid parameter is required");
        }
        String measurementId = first(parameters, "tid");
        if (measurementId.isEmpty()) {
            throw new HitRejectedException("missing measurement id: the tid parameter is required");
        }
        String eventName = first(parameters, "en");
        if (eventName.isEmpty()) {
            throw new HitRejectedException("missing event name: the en parameter is required");
        }
        PropertySettings property = properties.byMeasurementId(measurementId);
        if (property == null) {
            throw new HitRejectedException("unknown measurement id " + measurementId);
        }
        return request.newHit(parameters, clientId, property.id(), first(parameters, "uid"), eventName);
    }

    private static String first(Map<String, List<String>> parameters, String key) {
        List<String> values = parameters.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
