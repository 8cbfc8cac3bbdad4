package org.d8a.protocol.ga4.mp;

/** A Measurement Protocol body that is no JSON object; the message says where, never what the body holds. */
class MalformedBodyException extends Exception {

    MalformedBodyException(String message) {
        super(message);
    }
}
