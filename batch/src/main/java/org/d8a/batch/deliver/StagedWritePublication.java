package org.d8a.batch.deliver;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.d8a.delivery.StagedWritePublisher;

/**
 * The deliver job's first step: publishes what an earlier delivery staged and did not publish (the server stopped in
 * between), even when no session is due.
 */
@Named
@Dependent
public class StagedWritePublication extends AbstractBatchlet {

    @EJB
    StagedWritePublisher publisher;

    @Override
    public String process() {
        return "PUBLISHED_" + publisher.publishAll();
    }
}
