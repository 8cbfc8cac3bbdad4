package org.d8a.warehouse.files.segment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reads the frames of a segment ({@code 4-byte little-endian length + payload} each) in batches of at most 5 frames and
 * 10 MiB, so an upload never holds a whole 1 GiB segment in memory; a frame larger than that comes alone. A truncated
 * last frame (the tail of an append a crash interrupted) ends the segment with a warning.
 */
public final class FrameReader implements AutoCloseable {

    static final int MAX_FRAMES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(FrameReader.class.getName());

    private final Path file;
    private final InputStream in;
    private byte[] pending;
    private boolean ended;

    public FrameReader(Path file) throws IOException {
        this.file = file;
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The next batch of payloads; empty at the end of the segment. */
    public List<byte[]> nextBatch() throws IOException {
        List<byte[]> batch = new ArrayList<>(MAX_FRAMES);
        long bytes = 0;
        while (batch.size() < MAX_FRAMES) {
            byte[] frame = pending != null ? pending : readFrame();
            pending = null;
            if (frame == null) {
                break;
            }
            if (!batch.isEmpty() && bytes + frame.length > MAX_BYTES) {
                pending = frame;
                break;
            }
            batch.add(frame);
            bytes += frame.length;
        }
        return batch;
    }

    private byte[] readFrame() throws IOException {
        if (ended) {
            return null;
        }
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            return end(header.length, "header");
        }
        long length = (header[0] & 0xFFL) | (header[1] & 0xFFL) << 8 | (header[2] & 0xFFL) << 16
                | (header[3] & 0xFFL) << 24;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("frame of " + length + " bytes in " + file + " is larger than this reader handles");
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            return end(payload.length, "payload of " + length + " bytes");
        }
        return payload;
    }

    private byte[] end(int read, String what) {
        ended = true;
        if (read > 0) {
            LOG.warning(() -> file + " ends in a truncated frame " + what + " (" + read
                    + " bytes read); the rest of the segment is ignored");
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
