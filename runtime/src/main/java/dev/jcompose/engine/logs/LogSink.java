package dev.jcompose.engine.logs;

import java.io.IOException;

/** Where log entries go (an HTTP stream with Docker framing, a test list …). */
@FunctionalInterface
public interface LogSink {
    void accept(LogEntry entry) throws IOException;

    /**
     * One record as the reader decoded it (valid during the call only); a sink that writes bytes
     * overrides this to skip making a {@link LogEntry} per line.
     */
    default void record(JsonFileRecord r) throws IOException {
        accept(r.toEntry());
    }

    /** Sends what was accepted so far; called when the reader has caught up with the log. */
    default void flush() throws IOException {
    }
}
