package org.d8a.protocol.ga4.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.d8a.hits.Hit;
import org.d8a.hits.Isolation;
import org.d8a.hits.ParsedRequest;
import org.d8a.hits.QueryString;
import org.d8a.hits.RequestRepeats;
import org.d8a.properties.FilterRules;
import org.d8a.properties.JoinRules;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.properties.SplitRules;
import org.junit.jupiter.api.Test;

class MeasurementProtocolTest {

    private static final long NOW = 1_735_732_800_000L;
    private static final String PURCHASE = """
            {"client_id": "123.456", "user_id": "u-7", "non_personalized_ads": true,
             "user_properties": {"tier": {"value": "gold"}, "visits": {"value": 12}},
             "consent": {"ad_user_data": "GRANTED"}, "user_data": {"sha256_email_address": ["ab"]},
             "events": [{"name": "purchase", "params": {"session_id": "1746817858", "engagement_time_msec": 120,
               "transaction_id": "T-1", "currency": "EUR", "value": 30.5, "shipping": 2, "coupon_used": false,
               "page_location": "https://shop.example/checkout",
               "items": [{"item_id": "SKU-1", "item_name": "Mug~XL", "price": 10.25, "quantity": 2, "color": "red"},
                         {"item_name": "Tea", "price": 10}]}}]}
            """;

    private final PropertyRegistry properties = new PropertyRegistry(new PropertySettings("shop", "Shop", "G-SHOP",
            "ga4", Duration.ofMinutes(30), List.of(), 0, JoinRules.DEFAULTS, SplitRules.DEFAULTS, FilterRules.NONE,
            "events", "1:42:android:abc", List.of("new-secret", "old-secret")));

    private static ParsedRequest request(String query, String body) {
        return new ParsedRequest("10.0.0.1", "collector.example", "/mp/collect", "POST", NOW,
                QueryString.parseLenient(query), Map.of("User-Agent", List.of("backend/1.0")), body);
    }

    private MpReading read(String query, String body) {
        return MeasurementProtocol.read(request(query, body), properties);
    }

    @Test
    void aPurchaseBecomesAHitWithTheGtagParametersOfTheSameMeaning() {
        MpReading reading = read("measurement_id=G-SHOP&api_secret=new-secret", PURCHASE);
        assertEquals(List.of(), reading.messages());
        Hit hit = reading.hits().get(0);
        assertEquals("purchase", hit.getEventName());
        assertEquals("123.456", hit.getClientId());
        assertEquals("123.456", hit.getAuthoritativeClientId());
        assertEquals("u-7", hit.getUserId());
        assertEquals("shop", hit.getPropertyId());
        assertEquals(NOW, hit.getReceivedAtMillis());
        Map<String, List<String>> params = hit.getQueryParams();
        assertEquals("G-SHOP", hit.param("tid"));
        assertEquals("123.456", hit.param("cid"));
        assertEquals("u-7", hit.param("uid"));
        assertEquals("1746817858", hit.param("sid"));
        assertEquals("120", hit.param("_et"));
        assertEquals("https://shop.example/checkout", hit.param("dl"));
        assertEquals("T-1", hit.param("ep.transaction_id"));
        assertEquals("EUR", hit.param("ep.currency"));
        assertEquals("30.5", hit.param("epn.value"));
        assertEquals("2", hit.param("epn.shipping"));
        assertEquals("false", hit.param("ep.coupon_used"));
        assertEquals("1", hit.param("npa"));
        assertEquals("gold", hit.param("up.tier"));
        assertEquals("12", hit.param("upn.visits"));
        assertEquals("idSKU-1~nmMug XL~pr10.25~qt2", hit.param("pr1"));
        assertEquals("nmTea~pr10", hit.param("pr2"));
        assertTrue(params.keySet().stream().noneMatch(key -> key.contains("session_id") || key.contains("email")
                || key.contains("consent") || key.contains("secret")), params.keySet().toString());
    }

    @Test
    void anAppStreamNamesItsFirebaseAppAndTheInstance() {
        MpReading reading = read("firebase_app_id=1:42:android:abc&api_secret=old-secret",
                "{\"app_instance_id\": \"cbd7b5a3f6e44d8a9a4f0c1b2d3e4f50\", \"events\": [{\"name\": \"level_up\","
                        + " \"params\": {\"level\": 5}}]}");
        assertEquals(List.of(), reading.messages());
        Hit hit = reading.hits().get(0);
        assertEquals("cbd7b5a3f6e44d8a9a4f0c1b2d3e4f50", hit.getClientId());
        assertEquals("1:42:android:abc", hit.param("tid"));
        assertEquals("5", hit.param("epn.level"));
        assertNull(hit.getUserId());
    }

    @Test
    void aWrongOrMissingSecretKeepsNothingAndIsNeverRepeated() {
        for (String query : List.of("measurement_id=G-SHOP&api_secret=guess", "measurement_id=G-SHOP",
                "measurement_id=G-SHOP&api_secret=")) {
            MpReading reading = read(query, PURCHASE);
            assertEquals(List.of(), reading.hits());
            assertEquals(List.of(new ValidationMessage("api_secret",
                    "api_secret is missing or is not a secret of this stream", ValidationCode.VALUE_INVALID)),
                    reading.messages());
        }
    }

    @Test
    void aPropertyWithoutSecretsTakesNoMeasurementProtocolEvents() {
        PropertyRegistry closed = new PropertyRegistry(new PropertySettings("default", "Default", "-", "ga4",
                Duration.ofMinutes(30), List.of()));
        MpReading reading = MeasurementProtocol.read(request("measurement_id=G-ANY&api_secret=x", PURCHASE), closed);
        assertEquals("api_secret", reading.messages().get(0).fieldPath());
    }

    @Test
    void aRequestWithoutStreamOrWithAnotherProtocolsPropertyIsRefused() {
        assertEquals(ValidationCode.VALUE_REQUIRED, read("api_secret=new-secret", PURCHASE).messages().get(0)
                .validationCode());
        PropertyRegistry matomo = new PropertyRegistry(new PropertySettings("m", "M", "-", "matomo",
                Duration.ofMinutes(30), List.of(), 0, JoinRules.DEFAULTS, SplitRules.DEFAULTS, FilterRules.NONE,
                "events", "-", List.of("s")));
        MpReading reading = MeasurementProtocol.read(request("measurement_id=G-1&api_secret=s", PURCHASE), matomo);
        assertEquals(new ValidationMessage("measurement_id", "the stream's property uses the matomo protocol, not GA4",
                ValidationCode.VALUE_INVALID), reading.messages().get(0));
    }

    @Test
    void jsonNestedBeyondTheParsersDepthIsMalformed() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        MpReading reading = read("measurement_id=G-SHOP&api_secret=new-secret", "{\"client_id\":\"c\",\"events\":"
                + "[{\"name\":\"e\",\"params\":{\"p\":" + nested + "}}]}");
        assertEquals(List.of(), reading.hits());
        assertEquals("the body is not valid JSON (nested too deeply)", reading.messages().get(0).description());
    }

    @Test
    void malformedJsonSaysWhereAndNotWhat() {
        MpReading reading = read("measurement_id=G-SHOP&api_secret=new-secret", "{\"client_id\": \"secret-ish\",");
        assertEquals(List.of(), reading.hits());
        ValidationMessage message = reading.messages().get(0);
        assertEquals("", message.fieldPath());
        assertTrue(message.description().startsWith("the body is not valid JSON (line 1"), message.description());
        assertEquals("the body must be a JSON object", read("measurement_id=G-SHOP&api_secret=new-secret", "[1]")
                .messages().get(0).description());
    }

    @Test
    void aBodyOverGooglesLimitIsNotRead() {
        String big = "{\"client_id\": \"c\", \"events\": [{\"name\": \"e\", \"params\": {\"p\": \""
                + "x".repeat(MeasurementProtocol.MAX_BODY_BYTES) + "\"}}]}";
        MpReading reading = read("measurement_id=G-SHOP&api_secret=new-secret", big);
        assertEquals(List.of(), reading.hits());
        assertEquals(ValidationCode.VALUE_OUT_OF_BOUNDS, reading.messages().get(0).validationCode());
        assertTrue(MeasurementProtocol.tooLarge(big));
        assertTrue(MeasurementProtocol.tooLarge("é".repeat(MeasurementProtocol.MAX_BODY_BYTES / 2 + 1)),
                "counted in UTF-8 bytes");
    }

    @Test
    void timestampMicrosIsTheEventTime() {
        long micros = (NOW - 3_600_000L) * 1000 + 123;
        MpReading reading = read("measurement_id=G-SHOP&api_secret=new-secret", "{\"client_id\": \"c\","
                + " \"timestamp_micros\": " + micros + ", \"events\": [{\"name\": \"refund\"}]}");
        assertEquals(NOW - 3_600_000L, reading.hits().get(0).getReceivedAtMillis());
    }

    @Test
    void twoEqualEventsWithoutATimestampAreTwoEventsInTheStore() {
        String body = "{\"client_id\": \"c\", \"events\": [{\"name\": \"purchase\", \"params\": {\"value\": 5}}]}";
        Hit first = read("measurement_id=G-SHOP&api_secret=new-secret", body).hits().get(0);
        Hit second = read("measurement_id=G-SHOP&api_secret=new-secret", body).hits().get(0);
        assertEquals(first.getQueryParams(), second.getQueryParams());
        assertNotEquals(Isolation.fingerprint(first), Isolation.fingerprint(second));
    }

    @Test
    void aRetriedRequestWithItsTimestampMatchesTheOriginalEventForEvent() {
        long micros = (NOW - 60_000L) * 1000;
        String body = "{\"client_id\": \"c\", \"timestamp_micros\": " + micros + ", \"events\": ["
                + "{\"name\": \"purchase\", \"params\": {\"value\": 5}}, {\"name\": \"purchase\", \"params\":"
                + " {\"value\": 5}}]}";
        List<Hit> original = read("measurement_id=G-SHOP&api_secret=new-secret", body).hits();
        List<Hit> retry = read("measurement_id=G-SHOP&api_secret=new-secret", body).hits();
        RequestRepeats.number(original);
        RequestRepeats.number(retry);
        assertNotEquals(Isolation.fingerprint(original.get(0)), Isolation.fingerprint(original.get(1)),
                "two equal events of one request are two events");
        assertEquals(Isolation.fingerprint(original.get(0)), Isolation.fingerprint(retry.get(0)));
        assertEquals(Isolation.fingerprint(original.get(1)), Isolation.fingerprint(retry.get(1)));
        String later = body.replace(Long.toString(micros), Long.toString(micros + 1));
        assertNotEquals(Isolation.fingerprint(original.get(0)),
                Isolation.fingerprint(read("measurement_id=G-SHOP&api_secret=new-secret", later).hits().get(0)));
    }

    @Test
    void theSessionStampIsTheClientsNotTheSendingServers() {
        String body = "{\"client_id\": \"%s\", \"events\": [{\"name\": \"purchase\"}]}";
        Hit a = read("measurement_id=G-SHOP&api_secret=new-secret", body.formatted("visitor-a")).hits().get(0);
        Hit b = read("measurement_id=G-SHOP&api_secret=new-secret", body.formatted("visitor-b")).hits().get(0);
        assertNotEquals(Isolation.sessionStamp(a), Isolation.sessionStamp(b),
                "one server's headers and address must not join its visitors into one session");
    }
}
