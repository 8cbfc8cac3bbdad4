package org.d8a.protocol.ga4.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MpValidatorTest {

    private static final long NOW_MICROS = 1_735_732_800_000_000L;

    private static List<ValidationMessage> web(String json) {
        return MpValidator.validate(parse(json), false, NOW_MICROS);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static String event(String name, String params) {
        return "{\"client_id\": \"c\", \"events\": [{\"name\": \"" + name + "\", \"params\": " + params + "}]}";
    }

    private static ValidationCode only(List<ValidationMessage> messages) {
        assertEquals(1, messages.size(), messages.toString());
        return messages.get(0).validationCode();
    }

    @Test
    void googlesExampleOfAnInvalidEventName() {
        List<ValidationMessage> messages = MpValidator.validate(parse("{\"app_instance_id\": \"app_instance_id\","
                + " \"events\": [{\"name\": \"_badEventName\", \"params\": {}}]}"), true, NOW_MICROS);
        assertEquals(1, messages.size());
        assertEquals("events", messages.get(0).fieldPath());
        assertEquals(ValidationCode.NAME_INVALID, messages.get(0).validationCode());
        assertEquals("Event at index: [0] has invalid name [_badEventName]: a name starts with a letter and holds"
                + " only letters, digits and underscores", messages.get(0).description());
    }

    @Test
    void googlesLoginExampleIsValid() {
        assertEquals(List.of(), web("{\"client_id\": \"123456.7654321\", \"events\": [{\"name\": \"login\","
                + " \"params\": {\"method\": \"Google\", \"session_id\": \"123\", \"engagement_time_msec\": 100}}]}"));
    }

    @Test
    void theClientIdOfTheStreamKindIsRequired() {
        List<ValidationMessage> web = web("{\"events\": [{\"name\": \"login\"}]}");
        assertEquals(List.of(new ValidationMessage("client_id", "client_id is required for a web stream",
                ValidationCode.VALUE_REQUIRED)), web);
        List<ValidationMessage> app = MpValidator.validate(parse("{\"client_id\": \"c\", \"events\": [{\"name\":"
                + " \"login\"}]}"), true, NOW_MICROS);
        assertEquals("app_instance_id", app.get(0).fieldPath());
        assertEquals(ValidationCode.VALUE_INVALID, only(web("{\"client_id\": 5, \"events\": [{\"name\": \"a\"}]}")));
        assertEquals(ValidationCode.VALUE_INVALID, only(web("{\"client_id\": \"c\", \"user_id\": 7, \"events\":"
                + " [{\"name\": \"a\"}]}")));
    }

    @Test
    void eventsAreRequiredAndAtMost25() {
        assertEquals(ValidationCode.VALUE_REQUIRED, only(web("{\"client_id\": \"c\"}")));
        assertEquals(ValidationCode.VALUE_REQUIRED, only(web("{\"client_id\": \"c\", \"events\": []}")));
        assertEquals(ValidationCode.VALUE_INVALID, only(web("{\"client_id\": \"c\", \"events\": {}}")));
        String events = IntStream.range(0, 26).mapToObj(i -> "{\"name\": \"e" + i + "\"}")
                .collect(Collectors.joining(","));
        assertEquals(ValidationCode.EXCEEDED_MAX_ENTITIES, only(web("{\"client_id\": \"c\", \"events\": ["
                + events + "]}")));
        String twentyFive = IntStream.range(0, 25).mapToObj(i -> "{\"name\": \"e" + i + "\"}")
                .collect(Collectors.joining(","));
        assertEquals(List.of(), web("{\"client_id\": \"c\", \"events\": [" + twentyFive + "]}"));
    }

    @Test
    void eventNamesAreLettersDigitsUnderscoresAtMost40AndNotReserved() {
        assertEquals(ValidationCode.NAME_INVALID, only(web(event("1st_event", "{}"))));
        assertEquals(ValidationCode.NAME_INVALID, only(web(event("add-to-cart", "{}"))));
        assertEquals(ValidationCode.VALUE_REQUIRED, only(web(event("", "{}"))));
        assertEquals(List.of(), web(event("a".repeat(40), "{}")));
        assertEquals(ValidationCode.VALUE_OUT_OF_BOUNDS, only(web(event("a".repeat(41), "{}"))));
        assertEquals(ValidationCode.NAME_RESERVED, only(web(event("session_start", "{}"))));
        assertEquals(ValidationCode.NAME_RESERVED, only(web(event("first_visit", "{}"))));
    }

    @Test
    void paramNamesFollowTheSameSyntaxAndAvoidReservedNamesAndPrefixes() {
        assertEquals(ValidationCode.NAME_INVALID, only(web(event("e", "{\"9lives\": \"x\"}"))));
        assertEquals(ValidationCode.VALUE_OUT_OF_BOUNDS, only(web(event("e", "{\"" + "p".repeat(41) + "\": 1}"))));
        for (String reserved : List.of("firebase_conversion", "firebase_x", "ga_x", "google_x")) {
            assertEquals(ValidationCode.NAME_RESERVED, only(web(event("e", "{\"" + reserved + "\": 1}"))), reserved);
        }
        // an underscore start is both ill-formed and a reserved prefix
        assertEquals(2, web(event("e", "{\"_p\": 1}")).size());
    }

    @Test
    void paramsAreAtMost25WithScalarValuesOfAtMost100Characters() {
        String params = IntStream.range(0, 26).mapToObj(i -> "\"p" + i + "\": " + i)
                .collect(Collectors.joining(",", "{", "}"));
        assertEquals(ValidationCode.EXCEEDED_MAX_ENTITIES, only(web(event("e", params))));
        assertEquals(List.of(), web(event("e", "{\"p\": \"" + "v".repeat(100) + "\", \"n\": 1.5, \"b\": true}")));
        assertEquals(ValidationCode.VALUE_OUT_OF_BOUNDS, only(web(event("e", "{\"p\": \"" + "v".repeat(101)
                + "\"}"))));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(event("e", "{\"p\": {\"nested\": 1}}"))));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(event("e", "{\"p\": null}"))));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(event("e", "[1]"))));
    }

    @Test
    void itemsAreObjectsWithAtMostTenCustomParams() {
        assertEquals(List.of(), web(event("purchase", "{\"items\": [{\"item_id\": \"A\", \"price\": 2,"
                + " \"quantity\": 1, \"color\": \"red\"}]}")));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(event("purchase", "{\"items\": \"A\"}"))));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(event("purchase", "{\"items\": [\"A\"]}"))));
        String custom = IntStream.range(0, 11).mapToObj(i -> "\"c" + i + "\": 1")
                .collect(Collectors.joining(",", "{\"item_id\": \"A\",", "}"));
        assertEquals(ValidationCode.EXCEEDED_MAX_ENTITIES, only(web(event("purchase", "{\"items\": [" + custom
                + "]}"))));
        assertEquals(ValidationCode.VALUE_OUT_OF_BOUNDS, only(web(event("purchase", "{\"items\": [{\"item_name\": \""
                + "n".repeat(101) + "\"}]}"))));
        assertEquals("events.params.items", web(event("purchase", "{\"items\": [{\"ga_x\": 1}]}")).get(0)
                .fieldPath());
    }

    @Test
    void userPropertiesAreAtMost25WithShortNamesAndValues() {
        String base = "{\"client_id\": \"c\", \"events\": [{\"name\": \"e\"}], \"user_properties\": ";
        assertEquals(List.of(), web(base + "{\"tier\": {\"value\": \"gold\"}, \"n\": {\"value\": 3},"
                + " \"gone\": {\"value\": null}}}"));
        String many = IntStream.range(0, 26).mapToObj(i -> "\"u" + i + "\": {\"value\": 1}")
                .collect(Collectors.joining(",", "{", "}"));
        assertEquals(ValidationCode.EXCEEDED_MAX_ENTITIES, only(web(base + many + "}")));
        assertEquals(ValidationCode.VALUE_OUT_OF_BOUNDS, only(web(base + "{\"" + "u".repeat(25)
                + "\": {\"value\": 1}}}")));
        assertEquals(ValidationCode.VALUE_OUT_OF_BOUNDS, only(web(base + "{\"u\": {\"value\": \"" + "v".repeat(37)
                + "\"}}}")));
        assertEquals(ValidationCode.NAME_RESERVED, only(web(base + "{\"first_open_time\": {\"value\": 1}}}")));
        assertEquals(ValidationCode.NAME_RESERVED, only(web(base + "{\"google_x\": {\"value\": 1}}}")));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(base + "{\"u\": \"gold\"}}")));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(base + "[]}")));
    }

    @Test
    void timestampMicrosIsAnIntegerAtMost72HoursInThePast() {
        String base = "{\"client_id\": \"c\", \"events\": [{\"name\": \"e\"}], \"timestamp_micros\": ";
        long hours72 = 72L * 3600 * 1_000_000;
        assertEquals(List.of(), web(base + (NOW_MICROS - hours72) + "}"));
        assertEquals(ValidationCode.VALUE_OUT_OF_BOUNDS, only(web(base + (NOW_MICROS - hours72 - 1) + "}")));
        assertEquals(ValidationCode.VALUE_OUT_OF_BOUNDS, only(web(base + (NOW_MICROS + 1) + "}")));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(base + "\"" + NOW_MICROS + "\"}")));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(base + "1.5}")));
    }

    @Test
    void consentAndNonPersonalizedAdsHaveTheirTypes() {
        String base = "{\"client_id\": \"c\", \"events\": [{\"name\": \"e\"}], ";
        assertEquals(List.of(), web(base + "\"consent\": {\"ad_user_data\": \"GRANTED\", \"ad_personalization\":"
                + " \"DENIED\"}, \"non_personalized_ads\": false}"));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(base + "\"consent\": {\"ad_user_data\": \"yes\"}}")));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(base + "\"consent\": {\"ad_storage\": \"GRANTED\"}}")));
        assertEquals(ValidationCode.VALUE_INVALID, only(web(base + "\"non_personalized_ads\": \"true\"}")));
    }

    @Test
    void everyFindingIsReportedAtOnce() {
        assertEquals(3, web("{\"events\": [{\"name\": \"_x\"}, {\"name\": \"session_start\"}]}").size());
    }

    @Test
    void theValidationResponseHasGooglesShape() {
        assertEquals("{\"validationMessages\":[{\"fieldPath\":\"events\",\"description\":\"d\","
                + "\"validationCode\":\"NAME_INVALID\"}]}", ValidationResponse.json(List.of(
                        new ValidationMessage("events", "d", ValidationCode.NAME_INVALID))));
        assertEquals("{\"validationMessages\":[]}", ValidationResponse.json(List.of()));
    }
}
