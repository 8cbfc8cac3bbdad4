package org.d8a.web.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.d8a.intake.HitIntake;

/**
 * Answers {@code 413} with a one-line reason to a request whose {@code Content-Length} is over the receiver's body
 * limit, before anything reads the body; counted in bytes, where the receiver's own check counts the characters of the
 * body it was given. Undertow's {@code max-post-size} ({@code server.cli}) is this limit and a margin: its parser
 * answers a declared length over it with a bare {@code 400}, so the margin is where this reason can be given
 * (docs/operations.md, "HTTP limits").
 */
@Provider
@PreMatching
@ApplicationScoped
public class DeclaredBodySize implements ContainerRequestFilter {

    /** The endpoints that answer with CORS headers, errors included. */
    private static final Set<String> CORS_PATHS = Set.of("/g/collect", "/d/c", "/mp/collect", "/debug/mp/collect");

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() <= HitIntake.MAX_BODY_BYTES) {
            return;
        }
        String path = "/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
        String origin = request.getHeaderString("Origin");
        request.abortWith(Collection.reject(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "request body exceeds " + HitIntake.MAX_BODY_BYTES + " bytes",
                builder -> CORS_PATHS.contains(path) ? Cors.collect(builder, origin) : builder));
    }
}
