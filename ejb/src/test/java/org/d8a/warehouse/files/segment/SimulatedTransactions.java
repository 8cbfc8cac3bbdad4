package org.d8a.warehouse.files.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.d8a.persistence.segment.ActiveSegment;

/**
 * The ledger and after-commit hooks as the database and JTA give them, for one transaction at a time: changes to a
 * locked record become the committed state at {@link #commit()} and are dropped at {@link #rollback()}.
 */
public final class SimulatedTransactions implements SegmentLedger, AfterCommit {

    private final Map<String, ActiveSegment> committed = new LinkedHashMap<>();
    private final Map<String, ActiveSegment> working = new LinkedHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    @Override
    public ActiveSegment lock(String stem) {
        return working.computeIfAbsent(stem, key -> committed.containsKey(key)
                ? new ActiveSegment(committed.get(key)) : new ActiveSegment(key));
    }

    @Override
    public List<String> stems() {
        TreeSet<String> stems = new TreeSet<>(committed.keySet());
        stems.addAll(working.keySet());
        return List.copyOf(stems);
    }

    @Override
    public void run(Runnable action) {
        afterCommit.add(action);
    }

    public void commit() {
        working.forEach((stem, segment) -> committed.put(stem, new ActiveSegment(segment)));
        working.clear();
        List<Runnable> actions = List.copyOf(afterCommit);
        afterCommit.clear();
        actions.forEach(Runnable::run);
    }

    /** A crash after the commit, before the after-commit actions ran. */
    public void commitAndCrash() {
        working.forEach((stem, segment) -> committed.put(stem, new ActiveSegment(segment)));
        working.clear();
        afterCommit.clear();
    }

    public void rollback() {
        working.clear();
        afterCommit.clear();
    }

    long committedLength(String stem) {
        return committed.get(stem).getCommittedLength();
    }
}
