package org.d8a.hits.ip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.d8a.properties.PropertySettings;

/** The client address of each request, after proxy trust and the property's masking, as every later stage sees it. */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    ProxySettings settings;

    private TrustedProxies trustedProxies;

    /** Reads {@code server.trusted_proxies} while the application deploys: an invalid entry fails the deployment. */
    void load(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        trustedProxies();
    }

    /**
     * @param peer the TCP peer address
     * @param header first value of a request header by name; {@code null} or {@code ""} when absent
     */
    public String clientIp(String peer, Function<String, String> header) {
        return trustedProxies().clientIp(peer, header);
    }

    public String masked(String ip, PropertySettings property) {
        return new IpMasking(property.ipMaskingLevel()).mask(ip);
    }

    private synchronized TrustedProxies trustedProxies() {
        if (trustedProxies == null) {
            trustedProxies = new TrustedProxies(settings.trustedProxies());
        }
        return trustedProxies;
    }
}
