package org.d8a.web.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import org.d8a.intake.HitIntake;

/** {@code /d/c}: hits from the d8a web tracker, GA4-shaped (spec/ga4-protocol-and-columns.md §2.11). */
@Path("/d/c")
@ApplicationScoped
public class D8aCollectResource extends CollectResource {

    public D8aCollectResource() {
        super(HitIntake.D8A);
    }
}
