package org.d8a.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    public Response pause() {
        if (console.queueOnRemoteBroker()) {
            return onRemoteBroker("pause");
        }
        console.pauseQueue();
        return Response.ok(Map.of("paused", true)).build();
    }

    @POST
    @Path("/resume")
    public Response resume() {
        if (console.queueOnRemoteBroker()) {
            return onRemoteBroker("resume");
        }
        console.resumeQueue();
        return Response.ok(Map.of("paused", false)).build();
    }

    private static Response onRemoteBroker(String action) {
        return AdminErrors.conflict("the hits queue is on a remote broker: " + action
                + " it there (the broker's console or management API)", Map.of());
    }
}
