package org.d8a.batch.replay;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.d8a.queue.DataClock;

/** Keeps the timing wheel on data time for as long as the replay job runs (see {@link DataClock}). */
@Named
@Dependent
public class ReplayWindow extends AbstractJobListener {

    @Inject
    DataClock dataClock;

    @Override
    public void beforeJob() {
        dataClock.replayStarted();
    }

    @Override
    public void afterJob() {
        dataClock.replayEnded();
    }
}
