package org.d8a.web.admin;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.d8a.batch.DeliveryJobs;
import org.d8a.batch.JobRefusedException;
import org.d8a.batch.JobStart;
import org.d8a.delivery.status.SpoolOverview;

/**
 * The session spool for operators: {@code GET /spool} reports its depth, the age of its oldest session, how many
 * sessions are quarantined and how many events and sessions were kept aside as broken ({@code dropped_data});
 * {@code POST /spool/deliver}, {@code POST /spool/redeliver} and {@code POST /spool/migrate} start the jobs (202),
 * or say why they did not (409). Like every state-changing admin call they take {@code application/json} only, so
 * that no cross-site form can start them with a browser's cached credentials.
 */
@Path("/spool")
@Produces(MediaType.APPLICATION_JSON)
public class SpoolResource {

    @Inject
    SpoolOverview overview;

    @EJB
    DeliveryJobs jobs;

    @GET
    public Map<String, Object> status() {
        return overview.read();
    }

    /** Starts delivery now, optionally with another chunk size than {@code delivery.chunk_size}. */
    @POST
    @Path("/deliver")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deliver(@QueryParam("chunk_size") String chunkSize) {
        JobStart start = jobs.requestDelivery(AdminParameters.positiveInt("chunk_size", chunkSize));
        if (!start.started()) {
            return AdminErrors.conflict("a deliver job is already running: execution " + start.executionId(),
                    Map.of("job", start.job(), "execution_id", start.executionId()));
        }
        return JobResponses.started(start.job(), start.executionId());
    }

    /** Creates or extends every property's warehouse table now. */
    @POST
    @Path("/migrate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response migrate() {
        return JobResponses.started(DeliveryJobs.MIGRATE, jobs.startMigration());
    }

    /** Puts the quarantined sessions back in line; 409 when there are none. */
    @POST
    @Path("/redeliver")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response redeliver() {
        try {
            return JobResponses.started(DeliveryJobs.REDELIVER, jobs.startRedelivery());
        } catch (JobRefusedException e) {
            return AdminErrors.conflict(e.getMessage(), Map.of("job", DeliveryJobs.REDELIVER));
        }
    }
}
