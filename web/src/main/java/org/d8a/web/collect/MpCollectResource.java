package org.d8a.web.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.d8a.intake.MeasurementProtocolAnswer;

/**
 * {@code /mp/collect}: Measurement Protocol events, stored when valid. Like Google's endpoint it answers {@code 204}
 * whether or not the request was valid, so that client libraries work unchanged; a refused request says why in the
 * {@value #REFUSED_HEADER} header (and {@code /debug/mp/collect} lists every finding). Only a body over the size
 * limit is answered {@code 413}: its events are not even read.
 */
@Path("/mp/collect")
@ApplicationScoped
public class MpCollectResource extends MeasurementProtocolResource {

    static final String REFUSED_HEADER = "X-D8a-Refused";

    public MpCollectResource() {
        super(false);
    }

    @Override
    protected Response answer(MeasurementProtocolAnswer answer, String origin) {
        if (answer.tooLarge()) {
            return Collection.reject(Response.Status.REQUEST_ENTITY_TOO_LARGE, answer.refusal(),
                    builder -> Cors.collect(builder, origin));
        }
        Response.ResponseBuilder response = Cors.collect(Response.noContent(), origin);
        if (!answer.stored()) {
            response.header(REFUSED_HEADER, answer.refusal().replace('\n', ' ').replace('\r', ' '));
        }
        return response.build();
    }
}
