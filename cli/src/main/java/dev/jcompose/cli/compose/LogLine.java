package dev.jcompose.cli.compose;

import java.time.Instant;

/** One line of a container's log: which stream, the engine's time stamp (null when it sent none), the text without its newline. */
public record LogLine(boolean stderr, Instant time, String text) {
}
