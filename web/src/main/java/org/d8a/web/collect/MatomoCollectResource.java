package org.d8a.web.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.function.UnaryOperator;
import org.d8a.intake.HitIntake;

/**
 * {@code /matomo.php}: requests of Matomo's trackers, single (query string, form body) or bulk (JSON body), GET or
 * POST. The paths of {@code matomo.tracking_endpoints} ({@code /piwik.php}) reach this resource through
 * {@link MatomoPaths}. As in the reference, Matomo's endpoint sends no CORS headers and has no OPTIONS handler.
 */
@Path(MatomoPaths.ALWAYS)
@ApplicationScoped
public class MatomoCollectResource {

    @Inject
    HitIntake intake;

    @GET
    public Response get(@Context HttpServletRequest request) {
        return Collection.collect(intake, HitIntake.MATOMO, request, "", UnaryOperator.identity());
    }

    @POST
    public Response post(@Context HttpServletRequest request, String body) {
        return Collection.collect(intake, HitIntake.MATOMO, request, body == null ? "" : body,
                UnaryOperator.identity());
    }
}
