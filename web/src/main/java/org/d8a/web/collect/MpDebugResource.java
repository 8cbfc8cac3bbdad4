package org.d8a.web.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.d8a.intake.MeasurementProtocolAnswer;

/** {@code /debug/mp/collect}: the validation server; it checks a Measurement Protocol request and keeps nothing. */
@Path("/debug/mp/collect")
@ApplicationScoped
public class MpDebugResource extends MeasurementProtocolResource {

    public MpDebugResource() {
        super(true);
    }

    @Override
    protected Response answer(MeasurementProtocolAnswer answer, String origin) {
        // 200 whatever it finds, as Google's validation server
        return Cors.collect(Response.ok(answer.validationResponse(), MediaType.APPLICATION_JSON_TYPE), origin)
                .build();
    }
}
