package org.d8a.warehouse.files.segment;

/** Turns one sealed segment into one file of the destination. */
public interface SegmentHandler {

    void handle(SealedSegment segment) throws Exception;
}
