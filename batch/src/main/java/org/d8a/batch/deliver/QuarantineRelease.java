package org.d8a.batch.deliver;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.d8a.delivery.SpoolDelivery;

/** The redeliver job's step: quarantined spooled sessions go back in line for the deliver job. */
@Named
@Dependent
public class QuarantineRelease extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(QuarantineRelease.class.getName());

    @EJB
    SpoolDelivery delivery;

    @Override
    public String process() {
        int released = delivery.releaseQuarantined();
        LOG.info(() -> released + " quarantined spooled sessions released for delivery");
        return "RELEASED_" + released;
    }
}
