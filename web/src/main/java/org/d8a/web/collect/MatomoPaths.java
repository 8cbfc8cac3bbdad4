package org.d8a.web.collect;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.d8a.intake.HitIntake;

/**
 * Sends GET and POST requests on the extra Matomo paths of {@code matomo.tracking_endpoints} to
 * {@link MatomoCollectResource}. JAX-RS paths are fixed at compile time, so the configured ones are matched here,
 * before resource matching, by rewriting the request URI to {@code /matomo.php} (query kept). This keeps exact path
 * matching (a catch-all resource would answer for every unknown path, and would compete with the admin resources),
 * and leaves the servlet request alone, so the hit still records the path the tracker used.
 */
@Provider
@PreMatching
@ApplicationScoped
public class MatomoPaths implements ContainerRequestFilter {

    static final String ALWAYS = "/matomo.php";

    @Inject
    HitIntake intake;

    private Set<String> extraPaths;

    @PostConstruct
    void init() {
        extraPaths = Set.copyOf(intake.matomoTrackingEndpoints());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.POST)) {
            return;
        }
        String path = "/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
        if (!path.equals(ALWAYS) && extraPaths.contains(path)) {
            request.setRequestUri(request.getUriInfo().getBaseUri(),
                    request.getUriInfo().getRequestUriBuilder().replacePath(request.getUriInfo().getBaseUri()
                            .getPath()).path(ALWAYS.substring(1)).build());
        }
    }
}
