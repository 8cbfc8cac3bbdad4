package org.d8a.enrich.attribution;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.d8a.config.ConfigReader;

/**
 * Attribution by the detector chain of spec §3.2 over our source lists and the configured ones, then the UTM
 * override and the normalisation of §3.3. The lists are loaded once, when the application deploys, so that an invalid
 * file or {@code attribution.sources} entry stops the deployment.
 *
 * <p>The chain is the reference's with one deliberate fix (ARCHITECTURE.md): search engines come before e-mail. Every
 * e-mail detector moves behind them, the mail heuristic too, because it is an e-mail detector and would otherwise
 * make {@code go.mail.ru} and every search for "gmail" e-mail; the detectors before search (video, referrals,
 * socials, AI) keep their relative order, so a host on both a social or AI list and the search list stays social or
 * AI as in the reference. Configured entries are tried just before the built-in list of their medium: they can then
 * rename or claim a host the built-in list knows without being outranked by its more specific patterns, while the
 * order between media stays the documented one.
 */
@ApplicationScoped
public class ListAttribution implements Attribution {

    private static final TrafficSource DIRECT = new TrafficSource("direct", "none", "");
    private static final List<Medium> LISTS_IN_ORDER = List.of(Medium.VIDEO, Medium.REFERRAL, Medium.SOCIAL,
            Medium.AI, Medium.ORGANIC, Medium.EMAIL);

    @Inject
    ConfigReader config;

    private List<Detector> chain;

    public ListAttribution() {
    }

    /** The built-in lists and the {@code attribution.sources} of {@code config}; for code outside the container. */
    public ListAttribution(ConfigReader config) {
        this.config = config;
        load();
    }

    @PostConstruct
    void load() {
        chain = chain(BuiltInSources.load(), ConfiguredSources.from(config));
    }

    void loadAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        chain.size();
    }

    private static List<Detector> chain(Map<Medium, List<KnownSource>> builtIn, List<KnownSource> configured) {
        List<Detector> chain = new ArrayList<>();
        chain.add(new ClickIds());
        for (Medium medium : LISTS_IN_ORDER) {
            List<KnownSource> ofMedium = configured.stream().filter(source -> source.medium() == medium).toList();
            if (!ofMedium.isEmpty()) {
                chain.add(new SourceList(ofMedium));
            }
            chain.add(new SourceList(builtIn.get(medium)));
        }
        chain.add(new MailReferrer());
        chain.add(new GenericReferral());
        return List.copyOf(chain);
    }

    @Override
    public TrafficSource attribute(String pageLocation, String referrer, boolean ignoreReferrer) {
        LandingPage page = LandingPage.of(pageLocation);
        Referrer from = Referrer.of(referrer, ignoreReferrer);
        TrafficSource detected = chain.stream().map(detector -> detector.detect(page, from))
                .flatMap(Optional::stream).findFirst().orElse(DIRECT);
        return Normalisation.of(withCampaign(detected, page));
    }

    /** The UTM parameters of the page override what was detected, click ids and direct included (spec §3.3). */
    private static TrafficSource withCampaign(TrafficSource detected, LandingPage page) {
        return new TrafficSource(or(page.parameter("utm_source"), detected.source()),
                or(page.parameter("utm_medium"), detected.medium()), or(page.parameter("utm_term"), detected.term()));
    }

    private static String or(String utm, String detected) {
        return utm.isEmpty() ? detected : utm;
    }
}
