package org.d8a.warehouse.files.segment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file in the staging directory could not be written (its disk is full, read-only, failing): the failure of the
 * disk, not of the segment being uploaded, so it does not count towards the segment's quarantine.
 */
public class StagingDiskException extends IOException {

    public StagingDiskException(Path file, IOException cause) {
        super("cannot write " + file + ": " + cause.getMessage(), cause);
    }
}
