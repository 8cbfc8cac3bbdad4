package org.d8a.delivery.mode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.d8a.delivery.ClosedSessionSink;
import org.d8a.delivery.DeliverySettings;

/** The one place {@code delivery.mode} is read: it picks the sink closed sessions go to. */
@ApplicationScoped
public class DeliveryModes {

    @Inject
    DeliverySettings settings;

    @Produces
    @ApplicationScoped
    ClosedSessionSink sink(PersistentSpoolSink persistentSpool, SessionBufferSink memory, DirectWriteSink direct) {
        String mode = settings.mode();
        return switch (mode) {
            case "at_least_once" -> persistentSpool;
            case "best_effort" -> memory;
            case "disabled" -> direct;
            default -> throw new IllegalStateException("delivery.mode " + mode
                    + " is not supported; use at_least_once, best_effort or disabled");
        };
    }
}
