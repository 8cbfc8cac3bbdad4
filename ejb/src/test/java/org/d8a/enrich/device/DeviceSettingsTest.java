package org.d8a.enrich.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.d8a.config.TestConfig;
import org.junit.jupiter.api.Test;

/** {@code device_detector.provider}: dd2 by default, stub, and nothing else. */
class DeviceSettingsTest {

    private static final DeviceHeaders IPHONE = DeviceHeaders.from(name -> name.equals("User-Agent")
            ? "Mozilla/5.0 (iPhone; CPU iPhone OS 11_0 like Mac OS X) AppleWebKit/604.1.38 (KHTML, like Gecko) "
                    + "Version/11.0 Mobile/15A372 Safari/604.1"
            : "");

    @Test
    void theDefaultProviderIsDd2() {
        assertEquals(DeviceSettings.Provider.DD2, new DeviceSettings(TestConfig.of(Map.of())).provider());
        assertEquals(DeviceSettings.Provider.DD2,
                new DeviceSettings(TestConfig.of(Map.of("device_detector.provider", "dd2"))).provider());
    }

    @Test
    void theStubProviderDetectsNothing() {
        DeviceSettings settings = new DeviceSettings(TestConfig.of(Map.of("device_detector.provider", "stub")));
        assertEquals(DeviceSettings.Provider.STUB, settings.provider());
        assertEquals(Device.UNKNOWN, ConfiguredDeviceDetector.of(settings.provider()).detect(IPHONE));
    }

    @Test
    void theDd2ProviderDetects() {
        assertEquals("iPhone", ConfiguredDeviceDetector.of(DeviceSettings.Provider.DD2).detect(IPHONE).model());
    }

    @Test
    void anyOtherProviderStopsTheDeploymentNamingTheKeyAndTheAllowedValues() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new DeviceSettings(
                TestConfig.of(Map.of("device_detector.provider", "wurfl"))).provider());
        assertEquals("configuration key device_detector.provider must be one of dd2, stub, got \"wurfl\"",
                refused.getMessage());
    }
}
