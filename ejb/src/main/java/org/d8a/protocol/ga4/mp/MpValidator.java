package org.d8a.protocol.ga4.mp;

import static org.d8a.protocol.ga4.mp.MpLimits.*;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Measurement Protocol body against Google's documented rules: required identifiers, types, name syntax,
 * reserved names and prefixes, lengths and counts. Every finding is kept, so that the validation server reports them
 * all at once; the field path is the body field, the description names the entry (index, parameter name).
 */
final class MpValidator {

    /** Item fields of Google's ecommerce schema; any other item parameter is a custom one. */
    static final Set<String> STANDARD_ITEM_FIELDS = Set.of("item_id", "item_name", "affiliation", "coupon",
            "discount", "index", "item_brand", "item_category", "item_category2", "item_category3", "item_category4",
            "item_category5", "item_list_id", "item_list_name", "item_variant", "location_id", "price", "quantity",
            "promotion_id", "promotion_name", "creative_name", "creative_slot");

    private final List<ValidationMessage> messages = new ArrayList<>();

    /**
     * @param appStream the request names a {@code firebase_app_id} (an app stream wants {@code app_instance_id})
     * @param nowMicros the receive time, against which {@code timestamp_micros} is bounded
     */
    static List<ValidationMessage> validate(JsonObject body, boolean appStream, long nowMicros) {
        MpValidator validator = new MpValidator();
        validator.identifiers(body, appStream);
        validator.timestamp(body, nowMicros);
        validator.events(body.get("events"));
        validator.userProperties(body.get("user_properties"));
        validator.consent(body.get("consent"));
        if (body.containsKey("non_personalized_ads") && !isBoolean(body.get("non_personalized_ads"))) {
            validator.add("non_personalized_ads", "non_personalized_ads must be a boolean",
                    ValidationCode.VALUE_INVALID);
        }
        return List.copyOf(validator.messages);
    }

    private void identifiers(JsonObject body, boolean appStream) {
        String required = appStream ? "app_instance_id" : "client_id";
        JsonValue id = body.get(required);
        if (id == null || id.getValueType() == JsonValue.ValueType.NULL) {
            add(required, required + " is required for " + (appStream ? "an app" : "a web") + " stream",
                    ValidationCode.VALUE_REQUIRED);
        } else if (!(id instanceof JsonString text) || text.getString().isBlank()) {
            add(required, required + " must be a non-empty string", ValidationCode.VALUE_INVALID);
        }
        JsonValue userId = body.get("user_id");
        if (userId != null && !(userId instanceof JsonString)) {
            add("user_id", "user_id must be a string", ValidationCode.VALUE_INVALID);
        }
    }

    private void timestamp(JsonObject body, long nowMicros) {
        JsonValue value = body.get("timestamp_micros");
        if (value == null) {
            return;
        }
        Long micros = integer(value);
        if (micros == null) {
            add("timestamp_micros", "timestamp_micros must be an integer number of microseconds since the epoch",
                    ValidationCode.VALUE_INVALID);
        } else if (micros > nowMicros) {
            add("timestamp_micros", "timestamp_micros [" + micros + "] is in the future",
                    ValidationCode.VALUE_OUT_OF_BOUNDS);
        } else if (nowMicros - micros > MAX_BACKDATING_MICROS) {
            add("timestamp_micros", "timestamp_micros [" + micros + "] is more than 72 hours in the past",
                    ValidationCode.VALUE_OUT_OF_BOUNDS);
        }
    }

    private void events(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            add("events", "events is required", ValidationCode.VALUE_REQUIRED);
            return;
        }
        if (!(value instanceof JsonArray events)) {
            add("events", "events must be an array", ValidationCode.VALUE_INVALID);
            return;
        }
        if (events.isEmpty()) {
            add("events", "events must hold at least one event", ValidationCode.VALUE_REQUIRED);
        }
        if (events.size() > MAX_EVENTS) {
            add("events", "a request may hold at most " + MAX_EVENTS + " events, this one has " + events.size(),
                    ValidationCode.EXCEEDED_MAX_ENTITIES);
        }
        for (int i = 0; i < events.size(); i++) {
            event(i, events.get(i));
        }
    }

    private void event(int index, JsonValue value) {
        String where = "Event at index: [" + index + "]";
        if (!(value instanceof JsonObject event)) {
            add("events", where + " must be an object", ValidationCode.VALUE_INVALID);
            return;
        }
        JsonValue nameValue = event.get("name");
        if (!(nameValue instanceof JsonString nameText) || nameText.getString().isEmpty()) {
            add("events", where + " has no name", ValidationCode.VALUE_REQUIRED);
        } else {
            String name = nameText.getString();
            if (!wellFormedName(name)) {
                add("events", where + " has invalid name [" + name + "]: a name starts with a letter and holds only"
                        + " letters, digits and underscores", ValidationCode.NAME_INVALID);
            } else if (name.length() > MAX_NAME_LENGTH) {
                add("events", where + " has name [" + name + "] longer than " + MAX_NAME_LENGTH + " characters",
                        ValidationCode.VALUE_OUT_OF_BOUNDS);
            }
            if (RESERVED_EVENT_NAMES.contains(name)) {
                add("events", where + " has reserved name [" + name + "]", ValidationCode.NAME_RESERVED);
            }
        }
        JsonValue params = event.get("params");
        if (params == null || params.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (!(params instanceof JsonObject paramObject)) {
            add("events.params", where + ": params must be an object", ValidationCode.VALUE_INVALID);
            return;
        }
        if (paramObject.size() > MAX_EVENT_PARAMS) {
            add("events.params", where + " has " + paramObject.size() + " params, at most " + MAX_EVENT_PARAMS
                    + " are allowed", ValidationCode.EXCEEDED_MAX_ENTITIES);
        }
        for (Map.Entry<String, JsonValue> param : paramObject.entrySet()) {
            param(where, param.getKey(), param.getValue());
        }
    }

    private void param(String where, String name, JsonValue value) {
        String what = where + " has param [" + name + "]";
        paramName("events.params", what, name);
        if (name.equals("items")) {
            items(where, value);
        } else {
            paramValue("events.params", what, value);
        }
    }

    private void items(String where, JsonValue value) {
        if (!(value instanceof JsonArray items)) {
            add("events.params.items", where + ": items must be an array", ValidationCode.VALUE_INVALID);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String item = where + ", item at index: [" + i + "]";
            if (!(items.get(i) instanceof JsonObject fields)) {
                add("events.params.items", item + " must be an object", ValidationCode.VALUE_INVALID);
                continue;
            }
            long custom = fields.keySet().stream().filter(field -> !STANDARD_ITEM_FIELDS.contains(field)).count();
            if (custom > MAX_ITEM_CUSTOM_PARAMS) {
                add("events.params.items", item + " has " + custom + " custom params, at most "
                        + MAX_ITEM_CUSTOM_PARAMS + " are allowed", ValidationCode.EXCEEDED_MAX_ENTITIES);
            }
            for (Map.Entry<String, JsonValue> field : fields.entrySet()) {
                String what = item + " has param [" + field.getKey() + "]";
                paramName("events.params.items", what, field.getKey());
                paramValue("events.params.items", what, field.getValue());
            }
        }
    }

    private void paramName(String path, String what, String name) {
        if (!wellFormedName(name)) {
            add(path, what + " with an invalid name: a name starts with a letter and holds only letters, digits"
                    + " and underscores", ValidationCode.NAME_INVALID);
        } else if (name.length() > MAX_NAME_LENGTH) {
            add(path, what + " with a name longer than " + MAX_NAME_LENGTH + " characters",
                    ValidationCode.VALUE_OUT_OF_BOUNDS);
        }
        if (RESERVED_PARAM_NAMES.contains(name) || hasPrefix(name, RESERVED_PARAM_PREFIXES)) {
            add(path, what + " with a reserved name", ValidationCode.NAME_RESERVED);
        }
    }

    private void paramValue(String path, String what, JsonValue value) {
        if (value instanceof JsonString text) {
            if (text.getString().length() > MAX_PARAM_VALUE_LENGTH) {
                add(path, what + " with a value longer than " + MAX_PARAM_VALUE_LENGTH + " characters",
                        ValidationCode.VALUE_OUT_OF_BOUNDS);
            }
        } else if (!(value instanceof JsonNumber) && !isBoolean(value)) {
            add(path, what + " whose value is not a string, number or boolean", ValidationCode.VALUE_INVALID);
        }
    }

    private void userProperties(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (!(value instanceof JsonObject properties)) {
            add("user_properties", "user_properties must be an object", ValidationCode.VALUE_INVALID);
            return;
        }
        if (properties.size() > MAX_USER_PROPERTIES) {
            add("user_properties", "at most " + MAX_USER_PROPERTIES + " user properties are allowed, the request has "
                    + properties.size(), ValidationCode.EXCEEDED_MAX_ENTITIES);
        }
        for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
            userProperty(property.getKey(), property.getValue());
        }
    }

    private void userProperty(String name, JsonValue value) {
        String what = "User property [" + name + "]";
        if (!wellFormedName(name)) {
            add("user_properties", what + " has an invalid name: a name starts with a letter and holds only letters,"
                    + " digits and underscores", ValidationCode.NAME_INVALID);
        } else if (name.length() > MAX_USER_PROPERTY_NAME_LENGTH) {
            add("user_properties", what + " has a name longer than " + MAX_USER_PROPERTY_NAME_LENGTH
                    + " characters", ValidationCode.VALUE_OUT_OF_BOUNDS);
        }
        if (RESERVED_USER_PROPERTY_NAMES.contains(name) || hasPrefix(name, RESERVED_USER_PROPERTY_PREFIXES)) {
            add("user_properties", what + " has a reserved name", ValidationCode.NAME_RESERVED);
        }
        if (!(value instanceof JsonObject holder) || !holder.containsKey("value")) {
            add("user_properties", what + " must be an object with a value", ValidationCode.VALUE_INVALID);
            return;
        }
        JsonValue inner = holder.get("value");
        if (inner instanceof JsonString text) {
            if (text.getString().length() > MAX_USER_PROPERTY_VALUE_LENGTH) {
                add("user_properties", what + " has a value longer than " + MAX_USER_PROPERTY_VALUE_LENGTH
                        + " characters", ValidationCode.VALUE_OUT_OF_BOUNDS);
            }
        } else if (!(inner instanceof JsonNumber) && inner.getValueType() != JsonValue.ValueType.NULL) {
            add("user_properties", what + " has a value that is not a string, number or null",
                    ValidationCode.VALUE_INVALID);
        }
    }

    private void consent(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (!(value instanceof JsonObject consent)) {
            add("consent", "consent must be an object", ValidationCode.VALUE_INVALID);
            return;
        }
        for (Map.Entry<String, JsonValue> entry : consent.entrySet()) {
            boolean known = entry.getKey().equals("ad_user_data") || entry.getKey().equals("ad_personalization");
            boolean granted = entry.getValue() instanceof JsonString text
                    && (text.getString().equals("GRANTED") || text.getString().equals("DENIED"));
            if (!known || !granted) {
                add("consent", "consent [" + entry.getKey() + "] must be ad_user_data or ad_personalization,"
                        + " set to GRANTED or DENIED", ValidationCode.VALUE_INVALID);
            }
        }
    }

    /** The value as a whole number, {@code null} when it is none (a fraction, a string, out of range). */
    static Long integer(JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            return null;
        }
        try {
            return number.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static boolean isBoolean(JsonValue value) {
        return value == JsonValue.TRUE || value == JsonValue.FALSE
                || (value != null && (value.getValueType() == JsonValue.ValueType.TRUE
                        || value.getValueType() == JsonValue.ValueType.FALSE));
    }

    private void add(String fieldPath, String description, ValidationCode code) {
        messages.add(new ValidationMessage(fieldPath, description, code));
    }
}
