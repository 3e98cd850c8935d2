package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.cli.engine.EngineClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The project's container events, read from the engine's {@code /events} on a thread of their own
 * and handed to a listener in order. The stream is open when the constructor returns, so nothing
 * that happens afterwards is missed; {@link #close} ends it.
 */
public final class ProjectEvents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream stream;
    private final Thread reader;
    private volatile boolean closed;

    public ProjectEvents(EngineClient engine, String project, Consumer<ContainerEvent> listener) {
        String filters = "{\"type\":[\"container\"],\"label\":[\"" + Labels.PROJECT + "=" + project + "\"]}";
        stream = engine.openRaw("/events?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
        reader = new Thread(() -> read(listener), "events-" + project);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Consumer<ContainerEvent> listener) {
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(stream)) {
            while (it.hasNextValue()) {
                JsonNode e = it.nextValue();
                if ("container".equals(e.path("Type").asText())) {
                    listener.accept(ContainerEvent.of(e));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("reading the engine's events: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            stream.close();
        } catch (IOException e) {
            // the stream is being abandoned; nothing to report
        }
    }
}
