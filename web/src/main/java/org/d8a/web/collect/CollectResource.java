package org.d8a.web.collect;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.d8a.intake.HitIntake;

/**
 * A collect endpoint of a GA4-shaped protocol, with CORS on every answer and preflight (see {@link Collection} for the
 * responses). Every protocol's endpoint is served at the same time; each property's settings say which one it uses.
 */
public abstract class CollectResource {

    @Inject
    HitIntake intake;

    private final String protocolId;

    protected CollectResource(String protocolId) {
        this.protocolId = protocolId;
    }

    @GET
    public Response get(@Context HttpServletRequest request, @HeaderParam("Origin") String origin) {
        return collect(request, "", origin);
    }

    @POST
    public Response post(@Context HttpServletRequest request, @HeaderParam("Origin") String origin, String body) {
        return collect(request, body == null ? "" : body, origin);
    }

    @OPTIONS
    public Response preflight(@HeaderParam("Origin") String origin,
                              @HeaderParam("Access-Control-Request-Headers") String requestedHeaders) {
        return Cors.preflight(origin, requestedHeaders);
    }

    private Response collect(HttpServletRequest request, String body, String origin) {
        return Collection.collect(intake, protocolId, request, body, response -> Cors.collect(response, origin));
    }
}
