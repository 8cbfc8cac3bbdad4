package org.d8a.web.admin;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d8a.batch.DeliveryJobs;
import org.d8a.catalog.ColumnCatalog;
import org.d8a.delivery.status.SpoolOverview;
import org.d8a.monitoring.OperatorConsole;

/**
 * {@code GET /admin/api/overview}: everything the operator's page shows in one answer, so that one poll refreshes it:
 * the pipeline now and over the last hour, the spool with its last error, the recent job executions, the configured
 * properties, and whether the caller may run the admin functions.
 */
@Path("/admin/api/overview")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    private static final int RECENT_JOBS = 15;

    @Inject
    OperatorConsole console;

    @Inject
    SpoolOverview spool;

    @Inject
    ColumnCatalog catalog;

    @EJB
    DeliveryJobs jobs;

    @GET
    public Map<String, Object> overview(@Context SecurityContext security) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName());
        body.put("admin", security.isUserInRole("d8a-admin"));
        body.put("now", console.now());
        body.put("history", console.lastHour());
        body.put("spool", spool.read());
        body.put("jobs", jobs.recentExecutions(RECENT_JOBS));
        body.put("properties", catalog.propertyIds());
        return body;
    }
}
