package org.d8a.protocol.matomo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.d8a.hits.Hit;
import org.d8a.hits.HitRejectedException;
import org.d8a.hits.MalformedQueryException;
import org.d8a.hits.ParsedRequest;
import org.d8a.hits.QueryString;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.protocol.TrackingProtocol;

/**
 * Turns a Matomo (Piwik) tracking request into hits (spec/matomo-protocol.md §1.2-1.3). A body that starts with
 * {@code {} is a bulk request: one hit per entry of its {@code requests} array, the URL's query ignored. Otherwise one
 * hit from the URL's query and, unlike the reference, the form-encoded body that Matomo's trackers POST (URL keys
 * win, as in Matomo's own {@code $_GET + $_POST}). Any bad entry or hit rejects the whole request.
 */
public class MatomoProtocol implements TrackingProtocol {

    public static final String ID = "matomo";

    /** Matomo's API secret: no column reads it, so it is dropped before the hit is stored or logged anywhere. */
    static final String TOKEN_AUTH = "token_auth";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Hit> createHits(ParsedRequest request, PropertyRegistry properties) throws HitRejectedException {
        List<Hit> hits = new ArrayList<>();
        for (Map<String, List<String>> parameters : parameterSets(request)) {
            parameters.remove(TOKEN_AUTH);
            hits.add(createHit(request, parameters, properties));
        }
        return hits;
    }

    private static List<Map<String, List<String>>> parameterSets(ParsedRequest request) throws HitRejectedException {
        String body = request.body().strip();
        if (body.startsWith("{")) {
            List<Map<String, List<String>>> sets = new ArrayList<>();
            List<String> entries = BulkRequests.entries(body);
            for (int i = 0; i < entries.size(); i++) {
                sets.add(parseEntry(entries.get(i), i));
            }
            return sets;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>(request.queryParams());
        if (!body.isEmpty()) {
            QueryString.parseLenient(body).forEach(parameters::putIfAbsent);
        }
        return List.of(parameters);
    }

    private static Map<String, List<String>> parseEntry(String entry, int index) throws HitRejectedException {
        String query = entry.strip();
        if (query.startsWith("?")) {
            query = query.substring(1);
        }
        try {
            return QueryString.parseStrict(query);
        } catch (MalformedQueryException e) {
            throw new HitRejectedException("bulk request " + index + ": " + e.getMessage());
        }
    }

    private static Hit createHit(ParsedRequest request, Map<String, List<String>> parameters,
            PropertyRegistry properties) throws HitRejectedException {
        String idsite = first(parameters, "idsite");
        if (idsite.isEmpty()) {
            throw new HitRejectedException("missing idsite: the idsite parameter is required");
        }
        PropertySettings property = properties.byMeasurementId(idsite);
        // An idsite no property lists falls to the default property; that is only a Matomo site when the default
        // property is one (the reference's single-property server), otherwise the site is unknown.
        if (!property.measurementId().equals(idsite) && !property.protocol().equals(ID)) {
            throw new HitRejectedException("unknown idsite " + idsite + ": no property has it as measurement_id");
        }
        String clientId = first(parameters, "_id");
        if (clientId.isEmpty()) {
            clientId = first(parameters, "cid");
        }
        if (clientId.isEmpty()) {
            clientId = UUID.randomUUID().toString();
        }
        return request.newHit(parameters, clientId, property.id(), first(parameters, "uid"),
                EventNames.of(parameters));
    }

    static String first(Map<String, List<String>> parameters, String key) {
        List<String> values = parameters.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
