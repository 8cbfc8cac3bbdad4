package org.d8a.enrich.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dd2 provider: spec §2.2 and vector V34, bots, client hints and headers that are not what they should be. */
class DeviceDetectionTest {

    /** Matomo's rules take about a second to build: one detector for the class. */
    private static final DeviceDetector DD2 = new HintedDeviceDetector(new MatomoUserAgentParser());

    private static final String REDUCED_ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36";

    private static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36";

    private static final String CHROME_VERSIONS = "\"Chromium\";v=\"141.0.7390.122\", \"Google Chrome\";"
            + "v=\"141.0.7390.122\", \"Not?A_Brand\";v=\"24.0.0.0\"";

    @Test
    void linuxChromeIsADesktop() {
        assertEquals("desktop", detect(Map.of("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36")).category());
    }

    @Test
    void anIphoneIsAnAppleSmartphoneWithMobileSafari() {
        assertEquals(new Device("smartphone", "Apple", "iPhone", "iOS", "11.0", "Mobile Safari", "11.0"),
                detect(Map.of("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 11_0 like Mac OS X) "
                        + "AppleWebKit/604.1.38 (KHTML, like Gecko) Version/11.0 Mobile/15A372 Safari/604.1")));
    }

    @Test
    void twoIpBotIsABot() {
        assertEquals("bot", detect(Map.of("User-Agent", "2ip bot")).category());
    }

    @Test
    void noHeadersDetectNothing() {
        assertEquals(Device.UNKNOWN, detect(Map.of()));
    }

    @Test
    void aBotIsNamedByItsBrandAndItsUrlIsItsModel() {
        assertEquals(new Device("bot", "Googlebot", "http://www.google.com/bot.html", null, null, null, null),
                detect(Map.of("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")));
    }

    @Test
    void whatTheUserAgentDoesNotSayIsNullNeverEmpty() {
        assertEquals(new Device("desktop", null, null, "GNU/Linux", null, "Chrome", "141.0.0.0"),
                detect(Map.of("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/141.0.0.0 Safari/537.36")));
        assertEquals(new Device(null, null, null, null, null, "curl", "8.5.0"),
                detect(Map.of("User-Agent", "curl/8.5.0")));
    }

    @Test
    void theModelHintNamesTheDeviceOfAReducedAndroidUserAgent() {
        assertEquals(new Device("smartphone", "Samsung", "Galaxy S21 5G", "Android", "13.0.0", "Chrome Mobile",
                "141.0.7390.122"), detect(Map.of("User-Agent", REDUCED_ANDROID_CHROME, "Sec-CH-UA-Mobile", "?1",
                        "Sec-CH-UA-Platform", "\"Android\"", "Sec-CH-UA-Platform-Version", "\"13.0.0\"",
                        "Sec-CH-UA-Model", "\"SM-G991B\"", "Sec-CH-UA-Full-Version-List", CHROME_VERSIONS)));
    }

    @Test
    void aReducedAndroidUserAgentWithoutHintsNamesNoDevice() {
        assertEquals(new Device("smartphone", null, null, "Android", "10", "Chrome Mobile", "141.0.0.0"),
                detect(Map.of("User-Agent", REDUCED_ANDROID_CHROME)));
    }

    @Test
    void aModelTheRulesDoNotKnowIsTakenAsTheHintSaysIt() {
        Device device = detect(Map.of("User-Agent", REDUCED_ANDROID_CHROME, "Sec-CH-UA-Platform", "\"Android\"",
                "Sec-CH-UA-Model", "\"Pixel 99 Pro Fold\""));
        assertEquals("Pixel 99 Pro Fold", device.model());
        assertEquals("smartphone", device.category());
    }

    @Test
    void windowsPlatformVersionThirteenAndLaterIsWindowsEleven() {
        assertEquals(new Device("desktop", null, null, "Windows", "11", "Chrome", "141.0.7390.122"),
                detect(Map.of("User-Agent", WINDOWS_CHROME, "Sec-CH-UA-Mobile", "?0", "Sec-CH-UA-Platform",
                        "\"Windows\"", "Sec-CH-UA-Platform-Version", "\"15.0.0\"", "Sec-CH-UA-Model", "\"\"",
                        "Sec-CH-UA-Full-Version-List", CHROME_VERSIONS)));
    }

    @Test
    void windowsPlatformVersionOneToTwelveIsWindowsTenAndZeroLeavesTheUserAgentsVersion() {
        assertEquals("10", detect(Map.of("User-Agent", WINDOWS_CHROME, "Sec-CH-UA-Platform", "\"Windows\"",
                "Sec-CH-UA-Platform-Version", "\"10.0.0\"")).operatingSystemVersion());
        assertEquals("8.1", detect(Map.of("User-Agent", WINDOWS_CHROME.replace("Windows NT 10.0", "Windows NT 6.3"),
                "Sec-CH-UA-Platform", "\"Windows\"", "Sec-CH-UA-Platform-Version", "\"0.3.0\""))
                .operatingSystemVersion());
    }

    @Test
    void theMacPlatformHintIsMatomosMac() {
        Device device = detect(Map.of("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36", "Sec-CH-UA-Platform",
                "\"macOS\"", "Sec-CH-UA-Platform-Version", "\"15.1.0\""));
        assertEquals("Mac", device.operatingSystem());
        assertEquals("15.1.0", device.operatingSystemVersion());
    }

    @Test
    void hintsWithoutAUserAgentGiveWhatTheySay() {
        assertEquals(new Device(null, null, "SM-G991B", "Android", "13.0.0", null, null),
                detect(Map.of("Sec-CH-UA-Platform", "\"Android\"", "Sec-CH-UA-Platform-Version", "\"13.0.0\"",
                        "Sec-CH-UA-Model", "\"SM-G991B\"")));
    }

    @Test
    void malformedHintsAreIgnored() {
        assertEquals(detect(Map.of("User-Agent", WINDOWS_CHROME)), detect(Map.of("User-Agent", WINDOWS_CHROME,
                "Sec-CH-UA-Platform", "Windows\"", "Sec-CH-UA-Platform-Version", "\"\\", "Sec-CH-UA-Model", "\"a",
                "Sec-CH-UA-Mobile", "?x", "Sec-CH-UA-Full-Version-List", "\"Google Chrome\";v=")));
    }

    @Test
    void aMalformedUserAgentDetectsNothing() {
        assertEquals(Device.UNKNOWN, detect(Map.of("User-Agent", "\u0000\uffff((((\\")));
        assertEquals(Device.UNKNOWN, detect(Map.of("User-Agent", "   ")));
    }

    @Test
    void onlyTheStartOfAVeryLongUserAgentIsRead() {
        String padding = " x".repeat(20_000);
        assertEquals(new Device("desktop", null, null, "Windows", "10", "Chrome", "141.0.0.0"),
                detect(Map.of("User-Agent", WINDOWS_CHROME + padding)));
        assertEquals(Device.UNKNOWN, detect(Map.of("User-Agent", padding + WINDOWS_CHROME)));
    }

    /** Detection from the named headers, absent ones {@code ""}, as the collect endpoints give them. */
    static Device detect(Map<String, String> headers) {
        return DD2.detect(DeviceHeaders.from(name -> headers.getOrDefault(name, "")));
    }
}
