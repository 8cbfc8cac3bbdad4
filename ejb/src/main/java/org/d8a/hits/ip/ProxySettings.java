package org.d8a.hits.ip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.d8a.config.ConfigReader;

/** Which proxies' forwarding headers are believed (spec/pipeline.md §1.5). */
@ApplicationScoped
public class ProxySettings {

    @Inject
    ConfigReader config;

    public ProxySettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public ProxySettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code server.trusted_proxies}: CIDRs or addresses; empty trusts nobody. */
    public List<String> trustedProxies() {
        return config.list("server.trusted_proxies");
    }
}
