package org.d8a.web.admin;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.d8a.batch.DeliveryJobs;
import org.d8a.delivery.status.SpoolOverview;

/**
 * The session spool for operators: {@code GET /spool} reports its depth, the age of its oldest session, how many
 * sessions are quarantined and how many events and sessions were kept aside as broken ({@code dropped_data}); {@code POST /spool/deliver}, {@code POST /spool/redeliver} and {@code POST /spool/migrate} start the jobs.
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
    public Map<String, Object> deliver(@QueryParam("chunk_size") Integer chunkSize) {
        if (chunkSize != null && chunkSize < 1) {
            throw new BadRequestException("chunk_size must be at least 1");
        }
        long execution = chunkSize == null ? jobs.startDelivery() : jobs.startDelivery(chunkSize);
        return Map.of("job", DeliveryJobs.DELIVER, "execution_id", execution);
    }

    /** Creates or extends every property's warehouse table now. */
    @POST
    @Path("/migrate")
    public Map<String, Object> migrate() {
        return Map.of("job", DeliveryJobs.MIGRATE, "execution_id", jobs.startMigration());
    }

    @POST
    @Path("/redeliver")
    public Map<String, Object> redeliver() {
        return Map.of("job", DeliveryJobs.REDELIVER, "execution_id", jobs.startRedelivery());
    }
}
