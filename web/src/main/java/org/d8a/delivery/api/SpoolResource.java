package org.d8a.delivery.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d8a.batch.DeliveryJobs;
import org.d8a.delivery.mode.MemorySpoolSink;
import org.d8a.delivery.mode.MemorySpoolStatus;
import org.d8a.delivery.spool.SpoolRepository;
import org.d8a.delivery.spool.SpoolStatus;

/**
 * The session spool for operators: {@code GET /spool} reports its depth, the age of its oldest session, how many
 * sessions are quarantined and how many events and sessions were kept aside as broken ({@code dropped_data}); {@code POST /spool/deliver}, {@code POST /spool/redeliver} and {@code POST /spool/migrate} start the jobs.
 */
@Path("/spool")
@Produces(MediaType.APPLICATION_JSON)
public class SpoolResource {

    @Inject
    SpoolRepository spool;

    @EJB
    DeliveryJobs jobs;

    @Inject
    MemorySpoolSink memorySpool;

    @GET
    public Map<String, Object> status() {
        SpoolStatus status = spool.status();
        Long oldest = status.oldestClosedAtMillis();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("depth", status.depth());
        body.put("quarantined", status.quarantined());
        body.put("failing", status.failing());
        body.put("oldest_age_seconds", oldest == null ? 0 : (System.currentTimeMillis() - oldest) / 1000);
        body.put("dropped", status.dropped());
        body.put("last_error", status.lastError());
        MemorySpoolStatus memory = memorySpool.status();
        body.put("memory", Map.of("held", memory.held(), "flushes_by_count", memory.flushesByCount(),
                "flushes_by_age", memory.flushesByAge(), "moved_to_spool", memory.movedToSpool()));
        return body;
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
