package dev.jcompose.engine.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads a container's json-file log the way {@code docker logs} does: the rotated files
 * ({@code log.N} … {@code log.1}, oldest first) then the live file, filtered by stream and time,
 * the last {@code tail} entries, and — when following — new entries as the shim appends them,
 * across rotations, until the container is no longer running and everything written was sent.
 */
public final class JsonFileLogReader implements AutoCloseable {
    private static final long POLL_MILLIS = 50;
    /** Bytes per read of a log file. */
    private static final int BUFFER = 256 * 1024;

    private final Path log;
    /** The live file opened at its end when this reader was made ({@link #fromNow}); null: read the history first. */
    private final Tail fromNow;

    public JsonFileLogReader(Path log) {
        this(log, null);
    }

    private JsonFileLogReader(Path log, Tail fromNow) {
        this.log = log;
        this.fromNow = fromNow;
    }

    /**
     * A reader of only what is written after this call (an attach without {@code logs}): the live
     * file is opened and positioned at its end now, not when {@link #read} starts later on another
     * thread — by then a container started meanwhile may have written (and ended).
     */
    public static JsonFileLogReader fromNow(Path log) throws IOException {
        Tail live = new Tail(log);
        live.skipToEnd();
        return new JsonFileLogReader(log, live);
    }

    public void read(LogQuery query, LogSink sink, BooleanSupplier running) throws IOException, InterruptedException {
        Tail live = fromNow != null ? fromNow : readHistory(query, sink);
        sink.flush();
        if (!query.follow()) {
            live.close();
            return;
        }
        try (live) {
            while (true) {
                boolean stillRunning = running.getAsBoolean();
                int n = live.poll(r -> {
                    if (query.wants(r)) {
                        sink.record(r);
                    }
                });
                if (n > 0) {
                    sink.flush();
                }
                if (query.until() != null && java.time.Instant.now().isAfter(query.until())) {
                    return;
                }
                if (n == 0) {
                    if (!stillRunning) {
                        return;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            }
        }
    }

    /** Closes the file a {@link #fromNow} reader opened when it is not read after all ({@link #read} closes it itself). */
    @Override
    public void close() throws IOException {
        if (fromNow != null) {
            fromNow.close();
        }
    }

    /** Sends the wanted entries written so far (the last {@code tail} of them); returns the live file, read to its end. */
    private Tail readHistory(LogQuery query, LogSink sink) throws IOException {
        ArrayDeque<LogEntry> window = new ArrayDeque<>();
        // without a tail every wanted entry goes straight out; with one, the last entries are kept
        RecordSink first = query.tail() < 0 ? r -> {
            if (query.wants(r)) {
                sink.record(r);
            }
        } : r -> collect(r, query, window);
        for (Path rotated : rotatedFiles()) {
            readWhole(rotated, first);
        }
        Tail live = new Tail(log);
        live.poll(first);
        for (LogEntry e : window) {
            sink.accept(e);
        }
        return live;
    }

    private static void collect(JsonFileRecord r, LogQuery q, ArrayDeque<LogEntry> window) {
        if (q.tail() == 0 || !q.wants(r)) {
            return;
        }
        window.addLast(r.toEntry());
        if (q.tail() > 0 && window.size() > q.tail()) {
            window.removeFirst();
        }
    }

    private void readWhole(Path file, RecordSink into) throws IOException {
        try (Tail t = new Tail(file)) {
            t.poll(into);
        }
    }

    /** {@code log.N … log.1}: oldest first. */
    private List<Path> rotatedFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 1; ; i++) {
            Path p = log.resolveSibling(log.getFileName() + "." + i);
            if (!Files.exists(p)) {
                break;
            }
            out.add(0, p);
        }
        return out;
    }

    /** Where {@link Tail} hands each decoded line (the record is reused: valid during the call only). */
    @FunctionalInterface
    private interface RecordSink {
        void take(JsonFileRecord r) throws IOException;
    }

    /** An open log file read line by line from where it was left, reopening when the shim rotated it. */
    private static final class Tail implements AutoCloseable {
        private final Path path;
        private FileChannel channel;
        private Object fileKey;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        private final JsonFileRecord record = new JsonFileRecord();
        /** A line begun in one read and ended in a later one. */
        private byte[] partial = new byte[1024];
        private int partialLength;

        Tail(Path path) throws IOException {
            this.path = path;
            open();
        }

        private void open() throws IOException {
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
                fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException e) {
                channel = null;
                fileKey = null;
            }
        }

        /** Skips what the file holds now (the shim appends whole lines, so this is a line's end). */
        void skipToEnd() throws IOException {
            if (channel != null) {
                channel.position(channel.size());
            }
        }

        /** Sends every complete new line; returns how many lines were read. */
        int poll(RecordSink sink) throws IOException {
            if (channel == null) {
                open();
                if (channel == null) {
                    return 0;
                }
            }
            int lines = drain(sink);
            if (rotated()) {
                lines += drain(sink);
                channel.close();
                partialLength = 0;
                open();
                if (channel != null) {
                    lines += drain(sink);
                }
            }
            return lines;
        }

        private boolean rotated() throws IOException {
            try {
                Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
                return key != null && !key.equals(fileKey);
            } catch (NoSuchFileException e) {
                return false;
            }
        }

        private int drain(RecordSink sink) throws IOException {
            int lines = 0;
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n <= 0) {
                    return lines;
                }
                byte[] bytes = buffer.array();
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (bytes[i] != '\n') {
                        continue;
                    }
                    if (partialLength > 0) {
                        keep(bytes, start, i - start);
                        line(partial, 0, partialLength, sink);
                        partialLength = 0;
                    } else {
                        line(bytes, start, i - start, sink);
                    }
                    start = i + 1;
                    lines++;
                }
                keep(bytes, start, n - start);
            }
        }

        private void line(byte[] b, int off, int len, RecordSink sink) throws IOException {
            if (record.decode(b, off, len)) {
                sink.take(record);
            }
        }

        private void keep(byte[] b, int off, int len) {
            if (partialLength + len > partial.length) {
                partial = java.util.Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + len));
            }
            System.arraycopy(b, off, partial, partialLength, len);
            partialLength += len;
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
