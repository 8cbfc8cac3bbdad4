package org.d8a.web.collect;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.d8a.intake.HitIntake;
import org.d8a.intake.HitsNotQueuedException;
import org.d8a.intake.MeasurementProtocolAnswer;
import org.d8a.intake.RefusedRequestException;

/**
 * An endpoint of the GA4 Measurement Protocol, translating HTTP to {@link HitIntake#acceptMeasurementProtocol} and
 * back. The URL's query holds the {@code api_secret}: it is passed on, never logged.
 */
public abstract class MeasurementProtocolResource {

    @Inject
    HitIntake intake;

    private final boolean validateOnly;

    protected MeasurementProtocolResource(boolean validateOnly) {
        this.validateOnly = validateOnly;
    }

    @POST
    public Response post(@Context HttpServletRequest request, @HeaderParam("Origin") String origin, String body) {
        long receivedAt = System.currentTimeMillis();
        try {
            return answer(intake.acceptMeasurementProtocol(Collection.request(request,
                    body == null ? "" : body), receivedAt, validateOnly), origin);
        } catch (HitsNotQueuedException e) {
            return Collection.notQueued(e, response -> Cors.collect(response, origin));
        } catch (RefusedRequestException e) {
            return Collection.refused(e, response -> Cors.collect(response, origin));
        }
    }

    @OPTIONS
    public Response preflight(@HeaderParam("Origin") String origin,
                              @HeaderParam("Access-Control-Request-Headers") String requestedHeaders) {
        return Cors.preflight(origin, requestedHeaders);
    }

    /** The answer of this endpoint to a request the intake read. */
    protected abstract Response answer(MeasurementProtocolAnswer answer, String origin);
}
