package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import dev.jcompose.cli.render.ProgressPrinter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Stops (or kills) a project's running containers in parallel, with docker compose's progress ({@code ✔ Container demo-web-1  Stopped}). */
final class StopProgress {
    private final PrintStream out;
    private final boolean tty;

    StopProgress(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    void stopAll(EngineClient engine, String project, boolean kill, Integer timeout) {
        ProgressPrinter progress = new ProgressPrinter(out, tty, kill ? "Killing" : "Stopping");
        List<Thread> threads = new ArrayList<>();
        for (JsonNode c : ProjectContainers.list(engine, project, null)) {
            if (!"running".equals(c.path("State").asText()) || "True".equalsIgnoreCase(c.path("Labels").path(Labels.ONEOFF).asText())) {
                continue;
            }
            String resource = "Container " + ProjectContainers.name(c);
            String id = c.path("Id").asText();
            Thread t = new Thread(() -> {
                progress.event(resource, kill ? "Killing" : "Stopping", null, false);
                try {
                    engine.post("/containers/" + id + (kill ? "/kill" : "/stop" + (timeout == null ? "" : "?t=" + timeout)), null);
                    progress.event(resource, kill ? "Killed" : "Stopped", null, true);
                } catch (EngineException e) {
                    boolean gone = e.getMessage() != null && (e.getMessage().contains("not running") || e.getMessage().contains("No such"));
                    progress.event(resource, gone ? (kill ? "Killed" : "Stopped") : "Error", gone ? null : e.getMessage(), true);
                }
            }, "stop-" + id);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        progress.finish();
    }
}
