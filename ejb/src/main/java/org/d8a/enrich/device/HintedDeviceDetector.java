package org.d8a.enrich.device;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dd2} provider: the {@code User-Agent} read by Matomo DeviceDetector's rules, corrected by the client
 * hints as Matomo DeviceDetector corrects it (its port reads no hints, so that part is here). Precedence, field by
 * field:
 * <ul>
 * <li>device (category, brand, model): a reduced Android user agent ({@code Android 10; K}, {@code Android 14)})
 * names no device, so the {@code Sec-CH-UA-Model} hint is put in its place and the result read again; a model the
 * rules still do not know, or a full user agent without a model, takes the hint's model as it is;</li>
 * <li>operating system: {@code Sec-CH-UA-Platform} names it when it is one Matomo knows; the version is
 * {@code Sec-CH-UA-Platform-Version}, except on Windows, where it is the release it stands for (13 and later: 11,
 * 1 to 12: 10, 0: the user agent's 7, 8 or 8.1);</li>
 * <li>browser: the name is the user agent's; the version is the full version that
 * {@code Sec-CH-UA-Full-Version-List} gives for that browser, since a reduced user agent says only
 * {@code 141.0.0.0};</li>
 * <li>bots: the user agent alone.</li>
 * </ul>
 */
final class HintedDeviceDetector implements DeviceDetector {

    /** The platforms of the hint that Matomo names, by its names. */
    private static final Map<String, String> OPERATING_SYSTEMS = Map.of("Android", "Android", "Windows", "Windows",
            "macOS", "Mac", "iOS", "iOS", "Chrome OS", "Chrome OS", "Chromium OS", "Chromium OS", "Linux",
            "GNU/Linux", "Fuchsia", "Fuchsia");

    /** The Android part of a reduced user agent: version and the placeholder device {@code K}, or nothing. */
    private static final Pattern REDUCED_ANDROID = Pattern.compile("Android (?:1\\d[.\\d]*; K|1\\d)(?=[;)])");

    private static final Pattern MAJOR = Pattern.compile("^\\d{1,4}");

    private final MatomoUserAgentParser parser;

    HintedDeviceDetector(MatomoUserAgentParser parser) {
        this.parser = parser;
    }

    @Override
    public Device detect(DeviceHeaders headers) {
        if (headers.isEmpty()) {
            return Device.UNKNOWN;
        }
        ClientHints hints = ClientHints.from(headers);
        Device device = parser.parse(withModel(headers.userAgent(), hints));
        if ("bot".equals(device.category())) {
            return device;
        }
        String model = device.model() != null ? device.model() : hints.model();
        return new Device(device.category(), device.brand(), model, operatingSystem(device, hints),
                operatingSystemVersion(device, hints), device.browser(), browserVersion(device, hints));
    }

    /** The user agent with the hinted model in place of a reduced user agent's placeholder. */
    private static String withModel(String userAgent, ClientHints hints) {
        Matcher reduced = REDUCED_ANDROID.matcher(userAgent);
        if (hints.model() == null || !reduced.find()) {
            return userAgent;
        }
        String version = hints.platformVersion() != null ? hints.platformVersion() : "10";
        return userAgent.substring(0, reduced.start()) + "Android " + version + "; " + hints.model()
                + userAgent.substring(reduced.end());
    }

    private static String operatingSystem(Device device, ClientHints hints) {
        String hinted = hints.platform() == null ? null : OPERATING_SYSTEMS.get(hints.platform());
        return hinted != null ? hinted : device.operatingSystem();
    }

    private static String operatingSystemVersion(Device device, ClientHints hints) {
        String hinted = hints.platform() == null ? null : OPERATING_SYSTEMS.get(hints.platform());
        if (hinted == null || hints.platformVersion() == null) {
            return device.operatingSystemVersion();
        }
        if (!hinted.equals("Windows")) {
            return hints.platformVersion();
        }
        int major = major(hints.platformVersion());
        if (major >= 13) {
            return "11";
        }
        return major >= 1 ? "10" : device.operatingSystemVersion();
    }

    private static String browserVersion(Device device, ClientHints hints) {
        if (device.browser() == null) {
            return device.browserVersion();
        }
        return hints.brands().stream().filter(brand -> names(brand.name(), device.browser()))
                .map(ClientHints.Brand::version).findFirst().orElse(device.browserVersion());
    }

    /** Whether a hint's brand is the browser Matomo named: "Google Chrome" is "Chrome" and "Chrome Mobile". */
    private static boolean names(String brand, String browser) {
        String name = brand.startsWith("Google ") ? brand.substring("Google ".length()) : brand;
        return browser.equals(name) || browser.startsWith(name + " ");
    }

    private static int major(String version) {
        Matcher digits = MAJOR.matcher(version);
        return digits.find() ? Integer.parseInt(digits.group()) : -1;
    }
}
