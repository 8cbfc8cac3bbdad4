package org.d8a.enrich.attribution;

import java.util.Optional;

/**
 * Webmail that no list knows (spec §3.2 step 5): a referrer with {@code mail.} anywhere in it, host, path or query
 * alike, is e-mail from its own host. The whole URL is inspected, as in the reference (spec §3.5, kept), so
 * {@code https://blog.example/email.html} is e-mail too.
 */
final class MailReferrer implements Detector {

    @Override
    public Optional<TrafficSource> detect(LandingPage page, Referrer referrer) {
        if (referrer.raw().contains("mail.") && !referrer.hostWithoutWww().isEmpty()) {
            return Optional.of(new TrafficSource(referrer.hostWithoutWww(), Medium.EMAIL.label(), ""));
        }
        return Optional.empty();
    }
}
