package org.d8a.warehouse.files.segment;

/** Runs an action once the caller's transaction has committed, and never when it rolls back. */
public interface AfterCommit {

    void run(Runnable action);
}
