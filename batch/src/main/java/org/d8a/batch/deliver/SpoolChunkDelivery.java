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
import org.d8a.delivery.SpoolDelivery;

/**
 * Delivers one chunk of spooled sessions. When some cannot be delivered, the failure is recorded on them (backoff, then
 * quarantine) and the job goes on with the next chunk, so one bad session, property or outage does not stop the others;
 * the sessions stay spooled either way.
 */
@Named
@Dependent
public class SpoolChunkDelivery extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(SpoolChunkDelivery.class.getName());

    @EJB
    SpoolDelivery delivery;

    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        List<Long> ids = items.stream().map(Long.class::cast).toList();
        int failed = new ChunkDelivery(delivery::deliver, (failedIds, error) -> {
            LOG.warning(() -> "delivering " + failedIds.size() + " spooled sessions failed; they stay spooled: "
                    + error);
            delivery.recordFailure(failedIds, error);
        }).deliver(ids);
        if (failed > 0) {
            step.setExitStatus("FAILED_CHUNKS");
        }
    }
}
