package org.d8a.protocol.ga4.mp;

/**
 * One finding about a Measurement Protocol request, in the shape the validation server answers.
 *
 * @param fieldPath where in the request: a body field ({@code events}, {@code user_properties}), a query parameter
 *        ({@code api_secret}) or {@code ""} for the request as a whole
 * @param description what is wrong, naming the index or name of the offending entry
 */
public record ValidationMessage(String fieldPath, String description, ValidationCode validationCode) {
}
