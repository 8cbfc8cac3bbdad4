package org.d8a.queue;

/**
 * A publish cycle was refused because its {@link PublishJournal} records could not be written: its hits were not sent.
 * The requests may be retried once the journal can be written again.
 */
public class JournalUnavailableException extends Exception {

    public JournalUnavailableException(Throwable cause) {
        super("the raw log cannot be written", cause);
    }
}
