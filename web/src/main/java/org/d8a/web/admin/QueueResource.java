package org.d8a.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.d8a.monitoring.OperatorConsole;

/**
 * {@code POST /queue/pause} and {@code POST /queue/resume}: stop and restart the consumers of the hits queue (hits
 * are still accepted and kept while it is paused), for warehouse or database maintenance.
 */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueResource {

    @Inject
    OperatorConsole console;

    @POST
    @Path("/pause")
    public Map<String, Object> pause() {
        console.pauseQueue();
        return Map.of("paused", true);
    }

    @POST
    @Path("/resume")
    public Map<String, Object> resume() {
        console.resumeQueue();
        return Map.of("paused", false);
    }
}
