package org.d8a.enrich.device;

/**
 * What device detection found, in Matomo DeviceDetector's naming (spec §2.2): each value is null when the detector
 * found nothing (never {@code ""}). For bots the category is {@code bot}, the brand the bot's name and the model its
 * URL.
 */
public record Device(String category, String brand, String model, String operatingSystem,
        String operatingSystemVersion, String browser, String browserVersion) {

    /** Nothing detected: every device column is null. */
    public static final Device UNKNOWN = new Device(null, null, null, null, null, null, null);
}
