package org.d8a.warehouse.files.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the sealed segments to the upload, oldest first per stream (spec/warehouses.md §4.3): a segment uploaded is
 * deleted, an empty one is deleted without upload. A failure skips the rest of its stream until the next cycle; at the
 * third failure in a row every sealed segment of that stream is quarantined, kept for an operator to retry. A staging
 * directory that cannot be written ({@link StagingDiskException}: a full disk) is no failure of the segments: they wait
 * for it, and the server log says so once.
 */
public final class SegmentUploads {

    /** The files warehouse's fixed limit. */
    public static final int MAX_FAILURES = 3;

    private static final Logger LOG = Logger.getLogger(SegmentUploads.class.getName());

    private final SegmentStore store;
    private final SegmentHandler handler;
    private final Map<String, Integer> failures = new HashMap<>();
    /** Since when the staging directory cannot be written for uploads; null while it can. */
    private Instant stagingFailingSince;

    public SegmentUploads(SegmentStore store, SegmentHandler handler) {
        this.store = store;
        this.handler = handler;
    }

    /** One cycle over every sealed segment; returns how many were uploaded. */
    public synchronized int uploadSealed() throws IOException {
        Map<String, List<SealedSegment>> byStream = new LinkedHashMap<>();
        for (SealedSegment segment : store.sealed()) {
            byStream.computeIfAbsent(segment.key().stem(), stem -> new ArrayList<>()).add(segment);
        }
        int uploaded = 0;
        for (Map.Entry<String, List<SealedSegment>> stream : byStream.entrySet()) {
            uploaded += uploadStream(stream.getKey(), stream.getValue());
        }
        return uploaded;
    }

    private int uploadStream(String stem, List<SealedSegment> segments) throws IOException {
        int uploaded = 0;
        for (int i = 0; i < segments.size(); i++) {
            SealedSegment segment = segments.get(i);
            if (Files.size(segment.file()) == 0) {
                Files.delete(segment.file());
                continue;
            }
            try {
                handler.handle(segment);
            } catch (StagingDiskException e) {
                // the disk's failure, not the segment's: it waits, however long, and is not quarantined
                stagingUnwritable(e);
                return uploaded;
            } catch (Exception e) {
                int failed = failures.merge(stem, 1, Integer::sum);
                LOG.log(Level.WARNING, "upload of " + segment.file() + " failed (" + failed + " of " + MAX_FAILURES
                        + ")", e);
                if (failed >= MAX_FAILURES) {
                    for (SealedSegment remaining : segments.subList(i, segments.size())) {
                        LOG.severe(() -> "quarantined " + remaining.file() + " after " + MAX_FAILURES
                                + " failed uploads; rename it back without .quarantine to retry");
                        store.quarantine(remaining);
                    }
                    failures.remove(stem);
                }
                return uploaded;
            }
            Files.delete(segment.file());
            failures.remove(stem);
            stagingWritable();
            uploaded++;
        }
        return uploaded;
    }

    /** Reported once until an upload succeeds again: every cycle retries, and would log it every time. */
    private void stagingUnwritable(StagingDiskException e) {
        if (stagingFailingSince == null) {
            stagingFailingSince = Instant.now();
            LOG.warning(() -> "uploads of the files warehouse wait: " + e.getMessage() + "; sealed segments are kept"
                    + " in " + store.directory() + " and uploaded once it can be written (not logged again until"
                    + " then)");
        } else {
            LOG.fine(() -> "uploads of the files warehouse still wait: " + e.getMessage());
        }
    }

    private void stagingWritable() {
        if (stagingFailingSince != null) {
            LOG.info("uploads of the files warehouse go on: " + store.directory() + " can be written again (it could"
                    + " not since " + stagingFailingSince + ")");
            stagingFailingSince = null;
        }
    }
}
