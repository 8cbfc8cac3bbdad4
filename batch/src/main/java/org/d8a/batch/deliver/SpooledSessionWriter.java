package org.d8a.batch.deliver;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;
import org.d8a.columns.RetryableColumnException;
import org.d8a.delivery.SpoolDelivery;
import org.d8a.warehouse.WarehouseException;

/**
 * Delivers one chunk of spooled sessions. When the warehouse refuses them, the failure is recorded on the sessions
 * (backoff, then quarantine) and the job goes on with the next chunk, so one bad property or outage does not stop the
 * others; the sessions stay spooled either way.
 */
@Named
@Dependent
public class SpooledSessionWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(SpooledSessionWriter.class.getName());

    @EJB
    SpoolDelivery delivery;

    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        List<Long> ids = items.stream().map(Long.class::cast).toList();
        try {
            delivery.deliver(ids);
        } catch (WarehouseException | RetryableColumnException e) {
            LOG.warning(() -> "delivering " + ids.size() + " spooled sessions failed; they stay spooled: "
                    + e.getMessage());
            delivery.recordFailure(ids, e.getMessage());
            step.setExitStatus("FAILED_CHUNKS");
        }
    }
}
