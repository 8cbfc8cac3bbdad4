package org.d8a.enrich.device;

import io.github.mngsk.devicedetector.Detection;
import io.github.mngsk.devicedetector.client.Client;
import io.github.mngsk.devicedetector.client.bot.Bot;
import io.github.mngsk.devicedetector.operatingsystem.OperatingSystem;
import java.util.Optional;

/**
 * Reads a {@code User-Agent} with the Java port of Matomo DeviceDetector, so that the values have the names the
 * reference's {@code dd2} gives ({@code smartphone}, {@code Mobile Safari}, {@code iOS}, {@code Apple}). The port reads
 * no client hints; {@link HintedDeviceDetector} adds them.
 * <p>
 * Building it reads and compiles Matomo's regular expressions: measured on the 2-core development machine, about
 * 0.6 s (0.8 s at deployment in WildFly) and 22 MB of retained heap (bench/device-agreement.sh prints both), so it
 * is built once per deployment.
 */
final class MatomoUserAgentParser {

    /**
     * The length of user agent that is read. The port's time grows with the length (about 8 ms for a usual user agent,
     * 60 ms at 600 characters, 0.6 s at 4 000 and half a minute at 40 000, measured), and a hit may bring 128 KiB:
     * reading only the start bounds what one request can cost. Real user agents are shorter; one of the 4 986 of
     * the agreement corpus is longer.
     */
    static final int MAX_LENGTH = 512;

    private final io.github.mngsk.devicedetector.DeviceDetector detector =
            new io.github.mngsk.devicedetector.DeviceDetector.DeviceDetectorBuilder().enableEverything().build();

    /** What the user agent says; {@link Device#UNKNOWN} for a blank one or one the library fails on. */
    Device parse(String userAgent) {
        if (userAgent.isBlank()) {
            return Device.UNKNOWN;
        }
        Detection detection;
        try {
            detection = detector.detect(userAgent.length() > MAX_LENGTH ? userAgent.substring(0, MAX_LENGTH)
                    : userAgent);
        } catch (RuntimeException e) {
            // a header is whatever the client sent: the library's failure on it is "nothing detected"
            return Device.UNKNOWN;
        }
        Optional<Client> client = detection.getClient();
        if (detection.isBot() && client.orElse(null) instanceof Bot bot) {
            return new Device("bot", present(bot.getName()), present(bot.getUrl()), null, null, null, null);
        }
        Optional<io.github.mngsk.devicedetector.device.Device> device = detection.getDevice();
        Optional<OperatingSystem> os = detection.getOperatingSystem();
        return new Device(present(device.map(io.github.mngsk.devicedetector.device.Device::getType)),
                present(device.flatMap(io.github.mngsk.devicedetector.device.Device::getBrand)),
                present(device.flatMap(io.github.mngsk.devicedetector.device.Device::getModel)),
                present(os.map(OperatingSystem::getName)), present(os.flatMap(OperatingSystem::getVersion)),
                present(client.flatMap(Client::getName)), present(client.flatMap(Client::getVersion)));
    }

    /** The library says "nothing" with empty strings as well as empty optionals; the columns say null. */
    private static String present(Optional<String> value) {
        return value.map(String::trim).filter(text -> !text.isEmpty()).orElse(null);
    }
}
