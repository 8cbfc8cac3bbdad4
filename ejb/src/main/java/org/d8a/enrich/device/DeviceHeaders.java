package org.d8a.enrich.device;

import java.util.function.UnaryOperator;

/**
 * The request headers device detection reads: the {@code User-Agent} and the user-agent client hints
 * ({@code Sec-CH-UA*}). Absent headers are {@code ""}.
 */
public record DeviceHeaders(String userAgent, String secChUa, String secChUaMobile, String secChUaPlatform,
        String secChUaPlatformVersion, String secChUaModel, String secChUaFullVersionList) {

    /** The headers of a request, read by case-insensitive name through {@code header} ({@code ""} when absent). */
    public static DeviceHeaders from(UnaryOperator<String> header) {
        return new DeviceHeaders(header.apply("User-Agent"), header.apply("Sec-CH-UA"),
                header.apply("Sec-CH-UA-Mobile"), header.apply("Sec-CH-UA-Platform"),
                header.apply("Sec-CH-UA-Platform-Version"), header.apply("Sec-CH-UA-Model"),
                header.apply("Sec-CH-UA-Full-Version-List"));
    }

    /** Whether there is nothing to detect from (spec §2.2: empty headers give all-null device columns). */
    public boolean isEmpty() {
        return userAgent.isEmpty() && secChUa.isEmpty() && secChUaMobile.isEmpty() && secChUaPlatform.isEmpty()
                && secChUaPlatformVersion.isEmpty() && secChUaModel.isEmpty() && secChUaFullVersionList.isEmpty();
    }
}
