package org.d8a.warehouse.files.upload;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A destination of the files warehouse. An upload is all or nothing: the object under {@code key} is either the whole
 * file or absent (or, on a retry, the previous whole copy), and uploading the same key again replaces it.
 */
public interface Uploader extends AutoCloseable {

    /** Stores the complete local {@code file} under {@code key}. */
    void upload(String key, Path file) throws IOException;

    @Override
    default void close() {
    }
}
