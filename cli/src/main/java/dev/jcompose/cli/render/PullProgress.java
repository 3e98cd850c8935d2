package dev.jcompose.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * One service's pull as docker compose shows it, from the engine's {@code POST /images/create}
 * message stream: the service's row ({@code web Pulling}, then {@code web Pulled}) and under it one
 * row per layer with dockerd's words and {@link ProgressBar} ({@code 1a2b3c4d5e6f Downloading
 * [==>  ]  1.2MB/4.5MB}, {@code Extracting}, {@code Pull complete}). As docker compose, only a message
 * with an {@code id} and a {@code progressDetail} is a layer's ({@code Pulling from …}, {@code Digest: …}
 * and the status line are not shown); a layer is done at {@code Pull complete} or {@code Already exists}.
 */
public final class PullProgress implements Consumer<JsonNode> {
    private final ProgressPrinter printer;
    private final String service;

    public PullProgress(ProgressPrinter printer, String service) {
        this.printer = printer;
        this.service = service;
    }

    /** The service's pull started. */
    public void started() {
        printer.event(service, "Pulling", null, false);
    }

    /** The service's image is pulled. */
    public void pulled() {
        printer.event(service, "Pulled", null, true);
    }

    /** A message of the engine's pull stream. */
    @Override
    public void accept(JsonNode message) {
        String id = message.path("id").asText("");
        JsonNode detail = message.get("progressDetail");
        if (id.isEmpty() || detail == null || !detail.isObject()) {
            return;
        }
        String status = message.path("status").asText();
        boolean done = status.equals("Pull complete") || status.equals("Already exists");
        printer.child(service, id, status, ProgressBar.of(detail.path("current").asLong(), detail.path("total").asLong()), done);
    }
}
