package org.d8a.web.collect;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.intake.CollectRequest;
import org.d8a.intake.HitIntake;
import org.d8a.intake.HitsNotQueuedException;
import org.d8a.intake.RefusedRequestException;

/**
 * One collect request translated from HTTP to the {@link HitIntake} and back, for every protocol's endpoint:
 * {@code 204} once all its hits are durably queued, {@code 400} with a one-line reason when any of them is invalid
 * (then none is kept), also when the property the hits belong to uses another protocol; {@code 413} over a size or
 * line limit, {@code 429} over the client address' rate limit. The endpoint adds its own
 * headers (CORS for the GA4-shaped ones).
 */
final class Collection {

    private static final Logger LOG = Logger.getLogger(Collection.class.getName());
    /** How long a client is asked to wait before it retries refused hits: about a broker's or a disk's recovery. */
    private static final int UNAVAILABLE_RETRY_SECONDS = 5;

    private Collection() {
    }

    /**
     * Handles one request on the calling thread, which waits for the publisher's commit (a few milliseconds). JAX-RS
     * asynchronous responses were measured slower here: RESTEasy looks up its context providers through
     * {@code ServiceLoader} for every suspended request, and the threads contend on the jar files.
     */
    static Response collect(HitIntake intake, String protocolId, HttpServletRequest request, String body,
            UnaryOperator<Response.ResponseBuilder> headers) {
        long receivedAt = System.currentTimeMillis();
        try {
            intake.accept(protocolId, request(request, body), receivedAt);
            return headers.apply(Response.noContent()).build();
        } catch (RefusedRequestException e) {
            return refused(e, headers);
        } catch (HitsNotQueuedException e) {
            return notQueued(e, headers);
        }
    }

    /** What the intake is given of an HTTP request. */
    static CollectRequest request(HttpServletRequest request, String body) {
        return new CollectRequest(request.getRemoteAddr(), request::getHeader, request.getServerName(),
                request.getRequestURI(), request.getMethod(), request.getQueryString(), headers(request), body);
    }

    /**
     * {@code 429} with {@code Retry-After} when the client address is over the rate limit, {@code 413} when the body
     * is over a limit, else {@code 400}.
     */
    static Response refused(RefusedRequestException e, UnaryOperator<Response.ResponseBuilder> headers) {
        if (e.rateLimited()) {
            return reject(Response.Status.TOO_MANY_REQUESTS, e.getMessage(),
                    retryAfter(e.retryAfterSeconds(), headers));
        }
        return reject(e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
                e.getMessage(), headers);
    }

    /**
     * {@code 503} with {@code Retry-After} while the queue or the raw log is unavailable (the client may retry; a
     * few seconds covers a remote broker's restart or a raw log disk made writable again), else {@code 500}.
     */
    static Response notQueued(HitsNotQueuedException e, UnaryOperator<Response.ResponseBuilder> headers) {
        if (e.unavailable()) {
            return reject(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), retryAfter(UNAVAILABLE_RETRY_SECONDS,
                    headers));
        }
        LOG.log(Level.WARNING, "hits not queued", e);
        return reject(Response.Status.INTERNAL_SERVER_ERROR, "Internal Server Error", headers);
    }

    /** A refusal as every collect endpoint gives it: the endpoint's headers, a one-line plain-text reason. */
    static Response reject(Response.Status status, String reason,
            UnaryOperator<Response.ResponseBuilder> headers) {
        return headers.apply(Response.status(status))
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(reason.replace('\n', ' ').replace('\r', ' '))
                .build();
    }

    /** The endpoint's headers and {@code Retry-After}: the seconds after which the client may send again. */
    static UnaryOperator<Response.ResponseBuilder> retryAfter(int seconds,
            UnaryOperator<Response.ResponseBuilder> headers) {
        return builder -> headers.apply(builder).header(HttpHeaders.RETRY_AFTER, seconds);
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
