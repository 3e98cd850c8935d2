package dev.jcompose.engine.logs;

import java.time.Instant;

/** One record of a container's json-file log: which stream, when, and the text (with its newline, if it had one). */
public record LogEntry(Stream stream, Instant time, String text) {
    public enum Stream {
        STDOUT(1), STDERR(2);

        /** The stream byte of Docker's multiplexed framing. */
        public final int id;

        Stream(int id) {
            this.id = id;
        }

        static Stream parse(String name) {
            return name.equals("stderr") ? STDERR : STDOUT;
        }
    }
}
