package org.d8a.receiver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import org.d8a.protocol.d8a.D8aProtocol;

/** {@code /d/c}: hits from the d8a web tracker, GA4-shaped (spec/ga4-protocol-and-columns.md §2.11). */
@Path("/d/c")
@ApplicationScoped
public class D8aCollectResource extends CollectResource {

    public D8aCollectResource() {
        super(new D8aProtocol());
    }
}
