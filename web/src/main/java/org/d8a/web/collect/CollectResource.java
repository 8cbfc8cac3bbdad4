package org.d8a.web.collect;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.intake.CollectRequest;
import org.d8a.intake.HitIntake;
import org.d8a.intake.HitsNotQueuedException;
import org.d8a.intake.RefusedRequestException;

/**
 * A collect endpoint of a GA4-shaped protocol, translating HTTP to the {@link HitIntake} and back. A request is answered
 * {@code 204} once all its hits are durably queued, {@code 400} with a one-line reason when any of them is invalid (then
 * none is kept), also when the property the hits belong to uses another protocol. Every protocol's endpoint is served
 * at the same time; each property's settings say which one it uses.
 */
public abstract class CollectResource {

    private static final Logger LOG = Logger.getLogger(CollectResource.class.getName());

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

    /**
     * Handles one request on the calling thread, which waits for the publisher's commit (a few milliseconds). JAX-RS
     * asynchronous responses were measured slower here: RESTEasy looks up its context providers through
     * {@code ServiceLoader} for every suspended request, and the threads contend on the jar files.
     */
    private Response collect(HttpServletRequest request, String body, String origin) {
        long receivedAt = System.currentTimeMillis();
        try {
            intake.accept(protocolId, collectRequest(request, body), receivedAt);
            return Cors.collect(Response.noContent(), origin).build();
        } catch (RefusedRequestException e) {
            return reject(e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
                    e.getMessage(), origin);
        } catch (HitsNotQueuedException e) {
            return notQueued(e, origin);
        }
    }

    /** What the intake is given of an HTTP request. */
    static CollectRequest collectRequest(HttpServletRequest request, String body) {
        return new CollectRequest(request.getRemoteAddr(), request::getHeader, request.getServerName(),
                request.getRequestURI(), request.getMethod(), request.getQueryString(), headers(request), body);
    }

    /** {@code 503} while the queue or the raw log is unavailable (the client may retry), else {@code 500}. */
    static Response notQueued(HitsNotQueuedException e, String origin) {
        if (e.unavailable()) {
            return reject(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), origin);
        }
        LOG.log(Level.WARNING, "hits not queued", e);
        return reject(Response.Status.INTERNAL_SERVER_ERROR, "Internal Server Error", origin);
    }

    /** A refusal as every collect endpoint gives it: CORS headers, a one-line plain-text reason. */
    static Response reject(Response.Status status, String reason, String origin) {
        return Cors.collect(Response.status(status), origin)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(reason.replace('\n', ' ').replace('\r', ' '))
                .build();
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.computeIfAbsent(HeaderNames.canonical(name), n -> new ArrayList<>())
                    .addAll(Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
