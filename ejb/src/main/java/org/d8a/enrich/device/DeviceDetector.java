package org.d8a.enrich.device;

/** Detects the device, operating system and browser of a request from its headers. Thread-safe. */
public interface DeviceDetector {

    /** Never null: {@link Device#UNKNOWN} when nothing is detected, and for malformed headers. */
    Device detect(DeviceHeaders headers);
}
