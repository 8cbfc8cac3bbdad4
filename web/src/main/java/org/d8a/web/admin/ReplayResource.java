package org.d8a.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.d8a.batch.DeliveryJobs;
import org.d8a.batch.JobRefusedException;

/**
 * {@code POST /replay?path=...[&recover=true]}: starts the {@code replay} job on a raw log file or directory inside
 * {@code receiver.raw_log_directory} (relative paths are resolved there), for backfills and recovery; with
 * {@code recover=true} only the requests whose publish was never confirmed, after a crash.
 */
@Path("/replay")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    @EJB
    DeliveryJobs jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replay(@QueryParam("path") String path, @QueryParam("recover") String recover) {
        if (path == null || path.isBlank()) {
            throw new BadRequestException("path is required: a raw log file or directory");
        }
        boolean recovering = AdminParameters.flag("recover", recover);
        try {
            return JobResponses.started(DeliveryJobs.REPLAY, jobs.startReplay(path, recovering));
        } catch (JobRefusedException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
