package org.d8a.intake;

/**
 * What became of a Measurement Protocol request.
 *
 * @param stored its events are durably queued
 * @param tooLarge its body is over the protocol's size limit
 * @param refusal why nothing of it is kept, one line; {@code ""} when it is valid
 * @param validationResponse the validation server's JSON answer, listing every finding
 */
public record MeasurementProtocolAnswer(boolean stored, boolean tooLarge, String refusal, String validationResponse) {
}
