package org.d8a.protocol.ga4.mp;

import java.util.List;
import org.d8a.hits.Hit;

/**
 * What a Measurement Protocol request amounts to: the hits to store, none as soon as there is any finding.
 *
 * @param messages the findings, in the validation server's terms; empty when the request is valid
 * @param hits one hit per event of a valid request
 */
public record MpReading(List<ValidationMessage> messages, List<Hit> hits) {

    public MpReading {
        messages = List.copyOf(messages);
        hits = List.copyOf(hits);
    }

    static MpReading refused(ValidationMessage message) {
        return new MpReading(List.of(message), List.of());
    }
}
