package org.d8a.columns.event;

import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.CoreInterfaces.event;

import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.EventColumn;
import org.d8a.enrich.device.Device;
import org.d8a.enrich.device.DeviceDetector;
import org.d8a.enrich.device.DeviceHeaders;
import org.d8a.sessions.Event;

/**
 * The seven device-detection columns of spec §2.2, from the request's {@code User-Agent} and client-hint headers. The
 * device is detected once per event and shared by the seven columns.
 */
public final class DeviceColumns {

    private DeviceColumns() {
    }

    public static List<EventColumn> all(DeviceDetector detector) {
        return List.of(
                column("device_category", true, "Device type: desktop, smartphone, tablet, ...; bot for bots.",
                        detector, Device::category),
                column("device_mobile_brand_name", false, "Device brand, such as Apple; for bots the bot's name.",
                        detector, Device::brand),
                column("device_mobile_model_name", false, "Device model, such as iPhone; for bots the bot's URL.",
                        detector, Device::model),
                column("device_operating_system", true, "Operating system, such as iOS.", detector,
                        Device::operatingSystem),
                column("device_operating_system_version", false, "Operating system version, such as 11.0.",
                        detector, Device::operatingSystemVersion),
                column("device_web_browser", true, "Browser or app, such as Mobile Safari.", detector,
                        Device::browser),
                column("device_web_browser_version", false, "Browser version, such as 11.0.", detector,
                        Device::browserVersion));
    }

    private static EventColumn column(String name, boolean lowCardinality, String description,
            DeviceDetector detector, Function<Device, String> value) {
        Field field = field(name, UTF8).lowCardinality(lowCardinality).describedAs(description + " Detected from the User-Agent and client-hint "
                + "headers; null when not detected.");
        return new DerivedEventColumn(event(name), field,
                e -> value.apply(deviceOf(e, detector)));
    }

    private static Device deviceOf(Event event, DeviceDetector detector) {
        return event.lookup(detector, d -> d.detect(DeviceHeaders.from(event.hit()::header)));
    }
}
