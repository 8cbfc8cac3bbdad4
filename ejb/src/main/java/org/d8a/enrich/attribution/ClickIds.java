package org.d8a.enrich.attribution;

import java.util.List;
import java.util.Optional;

/**
 * Paid traffic recognised by the advertisers' click ids in the page URL (spec §3.2 step 1), tried in the spec's order
 * so that a URL carrying two of them gets the first. Keys are compared exactly: {@code ScCid} is Snapchat's, but
 * {@code sccid} is not. {@code dclid} and {@code srsltid} are not on the list: the reference does not count them as
 * paid (quirk Q22, kept).
 */
final class ClickIds implements Detector {

    private record ClickId(String parameter, String source, String medium) {
    }

    private static final List<ClickId> IN_ORDER = List.of(
            new ClickId("gclid", "google", "cpc"),
            new ClickId("gbraid", "google", "cpc"),
            new ClickId("wbraid", "google", "cpc"),
            new ClickId("msclkid", "bing", "cpc"),
            new ClickId("fbclid", "facebook", "cpc"),
            new ClickId("twclid", "twitter", "cpc"),
            new ClickId("li_fat_id", "linkedin", "cpc"),
            new ClickId("ttclid", "tiktok", "cpc"),
            new ClickId("ScCid", "snapchat", "cpc"),
            new ClickId("irclickid", "impact", "affiliate"));

    @Override
    public Optional<TrafficSource> detect(LandingPage page, Referrer referrer) {
        for (ClickId clickId : IN_ORDER) {
            if (!page.parameter(clickId.parameter()).isEmpty()) {
                return Optional.of(new TrafficSource(clickId.source(), clickId.medium(), ""));
            }
        }
        // gclsrc says which Google product the click came from: Search Ads 360 (aw.ds) or Display & Video 360 (3p.ds)
        return switch (page.parameter("gclsrc")) {
            case "aw.ds" -> Optional.of(new TrafficSource("google", "cpc", ""));
            case "3p.ds" -> Optional.of(new TrafficSource("google", "display", ""));
            default -> Optional.empty();
        };
    }
}
