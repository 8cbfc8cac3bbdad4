package org.d8a.receiver;

import jakarta.annotation.PostConstruct;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.config.D8aConfig;
import org.d8a.hits.ArrivalSequence;
import org.d8a.hits.Hit;
import org.d8a.hits.HitRejectedException;
import org.d8a.hits.HitValidator;
import org.d8a.hits.ParsedRequest;
import org.d8a.hits.ip.ClientAddresses;
import org.d8a.hits.QueryString;
import org.d8a.properties.PropertyRegistry;
import org.d8a.sessions.RequestRepeats;
import org.d8a.protocol.ga4.Ga4Protocol;

/**
 * A collect endpoint of a GA4-shaped protocol. A request is answered {@code 204} once all its hits are durably queued,
 * {@code 400} with a one-line reason when any of them is invalid (then none is kept), also when the property the hits
 * belong to uses another protocol. Every protocol's endpoint is served at the same time; each property's settings say
 * which one it uses.
 */
public abstract class CollectResource {

    private static final Logger LOG = Logger.getLogger(CollectResource.class.getName());
    /** The reference's HTTP layer refuses larger bodies before any protocol logic runs. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final long PUBLISH_TIMEOUT_SECONDS = 30;

    @Inject
    PropertyRegistry properties;

    @Inject
    HitPublisher publisher;

    @Inject
    D8aConfig config;

    @Inject
    ClientAddresses addresses;

    @Inject
    RawLog rawLog;

    private final Ga4Protocol protocol;
    private HitValidator validator;

    protected CollectResource(Ga4Protocol protocol) {
        this.protocol = protocol;
    }

    @PostConstruct
    void init() {
        validator = new HitValidator(properties, config.maxHitKbytes());
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
        if (body.length() > MAX_BODY_BYTES) {
            return reject(Response.Status.REQUEST_ENTITY_TOO_LARGE, "request body exceeds " + MAX_BODY_BYTES + " bytes",
                    origin);
        }
        List<Hit> hits;
        try {
            String clientIp = addresses.clientIp(request.getRemoteAddr(), request::getHeader);
            ParsedRequest parsed = new ParsedRequest(clientIp, request.getServerName(),
                    request.getRequestURI(), request.getMethod(), receivedAt,
                    QueryString.parseLenient(request.getQueryString()), headers(request), body);
            hits = protocol.createHits(parsed, properties);
            for (Hit hit : hits) {
                hit.setIp(addresses.masked(hit.getIp(), properties.byId(hit.getPropertyId())));
            }
            validator.validate(hits, body, protocol.id());
        } catch (HitRejectedException e) {
            return reject(Response.Status.BAD_REQUEST, e.getMessage(), origin);
        }
        for (Hit hit : hits) {
            hit.setArrivalSeq(ArrivalSequence.next());
            hit.getMetadata().put("protocol", protocol.id());
        }
        // Identical lines of this request stay two events; the store skips only a retry of the whole request.
        RequestRepeats.number(hits);
        try {
            publisher.publish(hits).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            rawLog.append(hits);
            return Cors.collect(Response.noContent(), origin).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return reject(Response.Status.SERVICE_UNAVAILABLE, "the receiver is shutting down", origin);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "hits not queued", e);
            return reject(Response.Status.INTERNAL_SERVER_ERROR, "Internal Server Error", origin);
        }
    }

    private static Response reject(Response.Status status, String reason, String origin) {
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
