package dev.jcompose.engine.logs;

import java.io.IOException;

/** Where log entries go (an HTTP stream with Docker framing, a test list …). */
@FunctionalInterface
public interface LogSink {
    void accept(LogEntry entry) throws IOException;

    /** Sends what was accepted so far; called when the reader has caught up with the log. */
    default void flush() throws IOException {
    }
}
