package org.d8a.protocol.ga4.columns;

import static org.d8a.columns.ColumnFields.BOOL;
import static org.d8a.columns.ColumnFields.FLOAT64;
import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.TIMESTAMP;
import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.ColumnFields.member;
import static org.d8a.protocol.ga4.Ga4Interfaces.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.d8a.columns.BrokenEventException;
import org.d8a.columns.ColumnFields;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.EventColumn;
import org.d8a.columns.casts.Casts;
import org.d8a.columns.event.DerivedEventColumn;
import org.d8a.columns.event.DeviceLanguage;
import org.d8a.columns.event.PageParams;
import org.d8a.columns.event.PageUrlColumns;
import org.d8a.enrich.currency.CurrencyConverter;
import org.d8a.sessions.Event;

/**
 * The event columns the GA4 protocol provides (spec/ga4-protocol-and-columns.md §2.2, §2.4, §2.8-2.10): the core
 * interfaces it fills from GA4 parameters and its own columns, under {@code ga4.protocols.d8a.tech} ids.
 */
public final class Ga4EventColumns {

    private Ga4EventColumns() {
    }

    /**
     * @param trackingProtocol the value of {@code tracking_protocol}: {@code ga4_gtag} or {@code d8a}
     * @param currencies the rates of the {@code *_in_usd} columns
     */
    public static List<EventColumn> all(String trackingProtocol, CurrencyConverter currencies) {
        List<EventColumn> columns = new ArrayList<>(coreInterfaces(trackingProtocol));
        columns.addAll(protocolColumns());
        for (DedicatedParam param : DedicatedParam.ALL) {
            columns.add(new DerivedEventColumn(event(param.column()), field(param.column(), param.cast().type())
                    .describedAs("Event parameter " + param.sourceKey() + "."),
                    e -> param.cast().apply(e.hit().param(param.sourceKey()))));
        }
        columns.addAll(EcommerceColumns.all(new UsdConversion(currencies)));
        return columns;
    }

    private static List<EventColumn> coreInterfaces(String trackingProtocol) {
        return List.of(
                new DerivedEventColumn(CoreInterfaces.event("ignore_referrer"), field("ignore_referrer", BOOL)
                        .describedAs("Whether attribution ignores the referrer (ir)."),
                        e -> Casts.bool(e.hit().param("ir"))),
                new DerivedEventColumn(CoreInterfaces.event("platform"), field("platform", UTF8).notNull()
                        .lowCardinality().describedAs("Platform of the event: web."), e -> "web"),
                new DerivedEventColumn(CoreInterfaces.event("tracking_protocol"), field("tracking_protocol", UTF8)
                        .notNull().lowCardinality()
                        .describedAs("Tracker that sent the event: ga4_gtag (/g/collect) or d8a (/d/c)."),
                        e -> trackingProtocol),
                new DerivedEventColumn(CoreInterfaces.event("device_language"), field("device_language", UTF8)
                        .describedAs("Browser language (ul), else the raw Accept-Language header."),
                        e -> DeviceLanguage.of(e, "ul")),
                new DerivedEventColumn(CoreInterfaces.event("device_screen_resolution"),
                        field("device_screen_resolution", UTF8).describedAs("Screen resolution (sr), such as 1920x1080."),
                        e -> Casts.str(e.hit().param("sr"))));
    }

    private static List<EventColumn> protocolColumns() {
        return List.of(
                new DerivedEventColumn(event("measurement_id"), field("measurement_id", UTF8).notNull()
                        .lowCardinality().describedAs("GA4 measurement id (tid) the hit was sent to."),
                        Ga4EventColumns::measurementId),
                new DerivedEventColumn(event("gtm_debug"), field("gtm_debug", UTF8).lowCardinality()
                        .describedAs("Query parameter gtm_debug of the page URL as sent (Tag Manager preview)."),
                        List.of(CoreInterfaces.event("page_location")),
                        e -> PageUrlColumns.sentQueryValue(e, PageParams.GA4, "gtm_debug")),
                new DerivedEventColumn(event("client_session_id"), field("client_session_id", UTF8)
                        .describedAs("Session id kept by the tracker (sid); not the server's session_id."),
                        e -> Casts.str(e.hit().param("sid"))),
                new DerivedEventColumn(event("client_session_number"), field("client_session_number", INT64)
                        .describedAs("Session count kept by the tracker (sct)."),
                        e -> Casts.int64(e.hit().param("sct"))),
                new DerivedEventColumn(event("page_load_hash"), field("page_load_hash", TIMESTAMP)
                        .describedAs("Page load time sent by gtag (_p, epoch milliseconds), truncated to seconds."),
                        Ga4EventColumns::pageLoadHash),
                new DerivedEventColumn(event("privacy_analytics_storage"), field("privacy_analytics_storage", BOOL)
                        .describedAs("Analytics storage consent from gcs; null when not sent."),
                        e -> ConsentFlag.at(e.hit().param("gcs"), ConsentFlag.ANALYTICS_STORAGE)),
                new DerivedEventColumn(event("privacy_ads_storage"), field("privacy_ads_storage", BOOL)
                        .describedAs("Ads storage consent from gcs; null when not sent."),
                        e -> ConsentFlag.at(e.hit().param("gcs"), ConsentFlag.ADS_STORAGE)),
                new DerivedEventColumn(event("params"), ColumnFields.listOfStructs("params", List.of(
                        member("name", UTF8), member("value_string", UTF8), member("value_number", FLOAT64)),
                        "Every event parameter: ep.* as value_string, numeric epn.* as value_number, sorted by name."),
                        e -> EventParamsList.of(e.hit())),
                new DerivedEventColumn(event("user_properties"), ColumnFields.listOfStructs("user_properties",
                        List.of(member("name", UTF8), member("value_string", UTF8), member("value_number", FLOAT64)),
                        "Every user property: up.* as value_string, numeric upn.* as value_number, sorted by name"
                                + " (an addition: the reference keeps none)."),
                        e -> EventParamsList.userProperties(e.hit())));
    }

    private static Object measurementId(Event event) throws BrokenEventException {
        String measurementId = Casts.str(event.hit().param("tid"));
        if (measurementId == null) {
            throw new BrokenEventException("measurement id (tid) is empty");
        }
        return measurementId;
    }

    private static Object pageLoadHash(Event event) {
        Long millis = Casts.int64(event.hit().param("_p"));
        return millis == null ? null : Instant.ofEpochSecond(Math.floorDiv(millis, 1000L));
    }
}
