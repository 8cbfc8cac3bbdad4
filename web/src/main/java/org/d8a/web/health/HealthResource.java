package org.d8a.web.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness for load balancers: {@code 200 OK} whenever the application is deployed. */
@Path("/healthz")
public class HealthResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ok() {
        return "OK";
    }

    @HEAD
    public Response head() {
        return Response.ok().build();
    }

    @OPTIONS
    public Response options() {
        return Response.ok("OK", MediaType.TEXT_PLAIN).build();
    }
}
