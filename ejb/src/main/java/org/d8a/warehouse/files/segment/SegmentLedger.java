package org.d8a.warehouse.files.segment;

import java.util.List;
import org.d8a.persistence.segment.ActiveSegment;

/**
 * Where the committed state of every stream's active segment is kept, in the caller's transaction (JPA in the server,
 * {@code JpaSegmentLedger}).
 */
public interface SegmentLedger {

    /** The record of the stream whose files start with {@code stem}, locked until the transaction ends. */
    ActiveSegment lock(String stem);

    /** The stems of every stream ever written. */
    List<String> stems();
}
