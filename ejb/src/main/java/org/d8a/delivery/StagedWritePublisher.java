package org.d8a.delivery;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.d8a.warehouse.Publication;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.routing.Warehouses;

/**
 * Publishes the staged writes of committed deliveries ({@link SpoolDelivery}) and then removes their sessions from the
 * spool. It runs after every delivered chunk and at the start of every deliver job, so a write staged just before a
 * crash is published after the restart: publishing twice is harmless, and a write the warehouse no longer holds was
 * never visible, so its sessions are delivered again. Outside any transaction: the warehouse is called between two.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StagedWritePublisher {

    private static final Logger LOG = Logger.getLogger(StagedWritePublisher.class.getName());

    @EJB
    SpoolDelivery spool;

    @Inject
    Warehouses warehouses;

    /**
     * Publishes every staged write, oldest first, until the warehouse cannot be reached: the others would wait for the
     * same timeout, and the next delivery tries them again.
     *
     * @return how many sessions left the spool
     */
    public int publishAll() {
        int published = 0;
        for (String staging : spool.stagings()) {
            Publication publication;
            try {
                publication = warehouses.driver().publish(staging);
            } catch (WarehouseException e) {
                LOG.warning(() -> "publishing staged write " + staging + " failed; its sessions stay spooled and"
                        + " the remaining staged writes wait for the next delivery: " + e.getMessage());
                spool.recordPublicationFailure(staging, e.getMessage());
                return published;
            } catch (RuntimeException e) {
                // This write's own fault (a name the driver cannot read, say): the others are still published.
                failed(staging, e);
                continue;
            }
            try {
                if (publication == Publication.PUBLISHED) {
                    published += spool.forgetPublished(staging);
                } else {
                    int again = spool.unstage(staging);
                    LOG.warning(() -> "the warehouse no longer holds staged write " + staging + ", which was never"
                            + " made visible; its " + again + " sessions are delivered again");
                }
            } catch (EJBException e) {
                // A lock timeout, or the rows cannot be made again for the sessions topic: the sessions stay staged,
                // and publishing them again later changes nothing in the warehouse.
                failed(staging, e);
            }
        }
        return published;
    }

    private void failed(String staging, RuntimeException e) {
        String error = ChunkDelivery.describe(e);
        LOG.warning(() -> "publishing staged write " + staging + " failed; its sessions stay spooled: " + error);
        spool.recordPublicationFailure(staging, error);
    }
}
