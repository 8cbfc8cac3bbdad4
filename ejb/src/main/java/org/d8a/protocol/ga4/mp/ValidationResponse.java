package org.d8a.protocol.ga4.mp;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** The validation server's answer: {@code {"validationMessages": [{fieldPath, description, validationCode}]}}. */
public final class ValidationResponse {

    private ValidationResponse() {
    }

    public static String json(List<ValidationMessage> messages) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ValidationMessage message : messages) {
            array.add(Json.createObjectBuilder()
                    .add("fieldPath", message.fieldPath())
                    .add("description", message.description())
                    .add("validationCode", message.validationCode().name()));
        }
        return Json.createObjectBuilder().add("validationMessages", array).build().toString();
    }
}
