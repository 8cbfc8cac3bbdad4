package org.d8a.protocol.ga4.mp;

/** The codes Google's Measurement Protocol validation server gives its messages. */
public enum ValidationCode {
    VALUE_INVALID,
    VALUE_REQUIRED,
    NAME_INVALID,
    NAME_RESERVED,
    VALUE_OUT_OF_BOUNDS,
    EXCEEDED_MAX_ENTITIES,
    NAME_DUPLICATED
}
