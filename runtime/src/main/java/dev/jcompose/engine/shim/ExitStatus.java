package dev.jcompose.engine.shim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The exit status the shim records when a container ends: exit code (128+n for signal n), the signal, and when. */
public record ExitStatus(int exitCode, int signal, Instant finishedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The status in {@code file}, or empty while the container runs (the shim writes it atomically at the end). */
    public static Optional<ExitStatus> read(Path file) throws IOException {
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            return Optional.of(new ExitStatus(n.path("exitCode").asInt(), n.path("signal").asInt(),
                    Instant.parse(n.path("finishedAt").asText())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
