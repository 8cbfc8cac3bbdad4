package org.d8a.batch.deliver;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;
import org.d8a.delivery.ChunkDelivery;
import org.d8a.delivery.DeliveryOutage;
import org.d8a.delivery.SpoolDelivery;
import org.d8a.delivery.StagedWritePublisher;

/**
 * Delivers one chunk of spooled sessions. When some cannot be delivered, the failure is recorded on them (backoff, then
 * quarantine) and the job goes on with the next chunk, so one bad session, property or outage does not stop the others;
 * the sessions stay spooled either way. A session's own failure is logged each time, a refusal of the warehouse once
 * per outage ({@link DeliveryOutage}). Writes the chunk staged are published once its transaction committed.
 */
@Named
@Dependent
public class SpoolChunkDelivery extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(SpoolChunkDelivery.class.getName());

    @EJB
    SpoolDelivery delivery;

    @EJB
    StagedWritePublisher publisher;

    @Inject
    DeliveryOutage outage;

    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        List<Long> ids = items.stream().map(Long.class::cast).toList();
        int failed = new ChunkDelivery(delivery::deliver, (failedIds, error, refused) -> {
            if (refused) {
                outage.refused(failedIds.size(), error);
            } else {
                LOG.warning(() -> "delivering " + failedIds.size() + " spooled sessions failed; they stay spooled: "
                        + error);
            }
            delivery.recordFailure(failedIds, error);
        }).deliver(ids);
        if (failed < ids.size()) {
            outage.delivered();
        }
        // The chunk's staged writes are committed now: they become visible and their sessions leave the spool. A
        // failure here is the publisher's to record; the next chunk and the next job publish again.
        try {
            publisher.publishAll();
        } catch (RuntimeException e) {
            LOG.warning(() -> "publishing staged writes failed; they are published again later: "
                    + ChunkDelivery.describe(e));
        }
        if (failed > 0) {
            step.setExitStatus("FAILED_CHUNKS");
        }
    }
}
