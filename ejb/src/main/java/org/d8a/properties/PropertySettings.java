package org.d8a.properties;

import java.time.Duration;

/**
 * The settings of one tracked property.
 *
 * @param protocol the tracking protocol id the property's hits must arrive on ({@code ga4}, {@code d8a}, {@code matomo})
 * @param sessionTimeout inactivity, in data time, after which a proto-session closes
 */
public record PropertySettings(String id, String name, String measurementId, String protocol, Duration sessionTimeout) {
}
