package org.d8a.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.d8a.hits.Hit;
import org.d8a.queue.PublishJournal;
import org.d8a.rawlog.RawLogWriter;

/**
 * The raw log as the publisher's journal: each publish cycle's requests are written to it, and forced, before their
 * hits are sent, so that every request answered {@code 204} is in it. The intake wires the two, which know nothing of
 * each other.
 */
@ApplicationScoped
public class RawLogJournal implements PublishJournal {

    @Inject
    RawLogWriter rawLog;

    @Override
    public boolean enabled() {
        return rawLog.enabled();
    }

    @Override
    public byte[] record(List<Hit> hits) {
        return rawLog.line(hits);
    }

    @Override
    public void write(List<byte[]> records) throws IOException {
        rawLog.write(records);
    }

    @Override
    public void committed() {
        rawLog.confirm();
    }

    @Override
    public void notCommitted() {
        rawLog.discard();
    }

    @Override
    public void idle() {
        rawLog.writeConfirmation();
    }
}
