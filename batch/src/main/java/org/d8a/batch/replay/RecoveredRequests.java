package org.d8a.batch.replay;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.d8a.rawlog.RawLogFile;
import org.d8a.rawlog.RawLogWriter;

/**
 * The step after a recovery replay ({@code recover=true}) has committed: the requests it put back on the hits queue
 * are confirmed in their files, so that a second recovery does not replay them again. It runs only when the replay
 * step completed; a crash in between leaves them unconfirmed, and the next recovery replays them once more.
 */
@Named
@Dependent
public class RecoveredRequests extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(RecoveredRequests.class.getName());

    @Inject
    @BatchProperty
    String path;

    @Inject
    @BatchProperty
    String recover;

    @Inject
    RawLogWriter rawLog;

    @Override
    public String process() throws Exception {
        if (!Boolean.parseBoolean(recover)) {
            return "NOT_RECOVERING";
        }
        int confirmed = 0;
        for (Path file : RawLogFile.files(Path.of(path))) {
            int requests = rawLog.confirmRecovered(file);
            if (requests > 0) {
                LOG.info("replay (recover) confirmed the " + requests + " requests it put back on the hits queue in "
                        + file);
            }
            confirmed += requests;
        }
        return "CONFIRMED_" + confirmed;
    }
}
