package org.d8a.protocol.ga4.mp;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.d8a.hits.Hit;
import org.d8a.hits.Isolation;
import org.d8a.hits.ParsedRequest;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.protocol.d8a.D8aProtocol;
import org.d8a.protocol.ga4.Ga4Protocol;

/**
 * The GA4 Measurement Protocol ({@code /mp/collect}): a JSON body of up to 25 events for one client of a web stream
 * ({@code measurement_id}, {@code client_id}) or an app stream ({@code firebase_app_id}, {@code app_instance_id}),
 * authorised by one of the property's {@code api_secrets}. Each event becomes a hit of the property with the gtag
 * parameters of the same meaning, so it joins the client's session and fills the same columns.
 */
public final class MeasurementProtocol {

    /** Google's limit on the body of one request. */
    public static final int MAX_BODY_BYTES = MpLimits.MAX_BODY_BYTES;

    /** The protocols whose properties take Measurement Protocol events: the GA4-shaped ones. */
    private static final Set<String> GA4_SHAPED = Set.of(Ga4Protocol.ID, D8aProtocol.ID);

    private MeasurementProtocol() {
    }

    /** Reads {@code request}: its URL names the stream and the secret, its body the events. */
    public static MpReading read(ParsedRequest request, PropertyRegistry properties) {
        if (tooLarge(request.body())) {
            return MpReading.refused(new ValidationMessage("", "the body has more than the limit of "
                    + MAX_BODY_BYTES + " bytes", ValidationCode.VALUE_OUT_OF_BOUNDS));
        }
        String measurementId = first(request.queryParams(), "measurement_id");
        String firebaseAppId = first(request.queryParams(), "firebase_app_id");
        boolean appStream = measurementId.isEmpty();
        String streamId = appStream ? firebaseAppId : measurementId;
        if (streamId.isEmpty()) {
            return MpReading.refused(new ValidationMessage("measurement_id", "the URL names no stream:"
                    + " measurement_id (web) or firebase_app_id (app) is required", ValidationCode.VALUE_REQUIRED));
        }
        PropertySettings property = appStream ? properties.byFirebaseAppId(streamId)
                : properties.byMeasurementId(streamId);
        if (!property.acceptsApiSecret(first(request.queryParams(), "api_secret"))) {
            return MpReading.refused(new ValidationMessage("api_secret", "api_secret is missing or is not a"
                    + " secret of this stream", ValidationCode.VALUE_INVALID));
        }
        if (!GA4_SHAPED.contains(property.protocol())) {
            return MpReading.refused(new ValidationMessage(appStream ? "firebase_app_id" : "measurement_id",
                    "the stream's property uses the " + property.protocol() + " protocol, not GA4",
                    ValidationCode.VALUE_INVALID));
        }
        JsonObject body;
        try {
            body = parse(request.body());
        } catch (MalformedBodyException e) {
            return MpReading.refused(new ValidationMessage("", e.getMessage(), ValidationCode.VALUE_INVALID));
        }
        List<ValidationMessage> messages = MpValidator.validate(body, appStream, request.receivedAtMillis() * 1000);
        if (!messages.isEmpty()) {
            return new MpReading(messages, List.of());
        }
        return new MpReading(List.of(), hits(request, property, streamId, appStream, body));
    }

    /** Over Google's limit of {@link #MAX_BODY_BYTES}, counted in UTF-8 bytes. */
    public static boolean tooLarge(String body) {
        return body.length() > MAX_BODY_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES;
    }

    private static JsonObject parse(String text) throws MalformedBodyException {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedBodyException("the body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            // the location, not the parser's message: that may quote the body back
            throw new MalformedBodyException("the body is not valid JSON (line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ")");
        } catch (JsonException e) {
            throw new MalformedBodyException("the body is not valid JSON");
        } catch (RuntimeException e) {
            // Parsson refuses a body nested deeper than jakarta.json.maxDepth (1000) with a bare RuntimeException
            throw new MalformedBodyException("the body is not valid JSON (nested too deeply)");
        }
    }

    private static List<Hit> hits(ParsedRequest request, PropertySettings property, String streamId,
            boolean appStream, JsonObject body) {
        String clientId = body.getString(appStream ? "app_instance_id" : "client_id");
        Long timestampMicros = MpValidator.integer(body.get("timestamp_micros"));
        long eventTime = timestampMicros == null ? request.receivedAtMillis() : timestampMicros / 1000;
        List<Hit> hits = new ArrayList<>();
        for (JsonValue value : body.getJsonArray("events")) {
            JsonObject event = value.asJsonObject();
            Hit hit = new Hit();
            hit.setId(UUID.randomUUID().toString());
            hit.setClientId(clientId);
            hit.setAuthoritativeClientId(clientId);
            hit.setPropertyId(property.id());
            hit.setEventName(event.getString("name"));
            hit.setIp(request.ip());
            hit.setHost(request.host());
            hit.setPath(request.path());
            hit.setMethod(request.method());
            hit.setReceivedAtMillis(eventTime);
            hit.setHeaders(request.headers());
            Map<String, List<String>> params = MpEventParams.of(streamId, clientId, body, event);
            hit.setQueryParams(params);
            hit.setUserId(params.containsKey("uid") ? params.get("uid").get(0) : null);
            hit.getMetadata().put(Isolation.STAMP_BY_CLIENT, "true");
            // A retried request repeats its timestamp_micros; without one, nothing tells a retry from a new event.
            hit.getMetadata().put(Isolation.RETRY_KEY, timestampMicros == null ? "event:" + hit.getId()
                    : "sent:" + timestampMicros);
            hits.add(hit);
        }
        return hits;
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }
}
