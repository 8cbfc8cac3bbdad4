package org.d8a.warehouse.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.d8a.persistence.segment.ActiveSegment;
import org.d8a.persistence.segment.ActiveSegmentRepository;
import org.d8a.warehouse.files.segment.SegmentLedger;

/** The segment ledger in the d8a database, in the caller's transaction. */
@ApplicationScoped
public class JpaSegmentLedger implements SegmentLedger {

    @Inject
    ActiveSegmentRepository repository;

    @Override
    public ActiveSegment lock(String stem) {
        return repository.lock(stem);
    }

    @Override
    public List<String> stems() {
        return repository.streams();
    }
}
