package org.d8a.web.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import org.d8a.intake.HitIntake;

/** {@code /g/collect}: hits from Google's gtag.js and the GA4 Measurement Protocol. */
@Path("/g/collect")
@ApplicationScoped
public class Ga4CollectResource extends CollectResource {

    public Ga4CollectResource() {
        super(HitIntake.GA4);
    }
}
