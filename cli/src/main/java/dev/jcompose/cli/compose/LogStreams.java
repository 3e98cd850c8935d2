package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.LogPrefixer;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Merged logs of a project's containers, as {@code docker compose logs} prints them: one reader per
 * container over the engine's multiplexed stream, each line prefixed ({@code web-1  | }) and sent
 * to stdout or stderr as the container wrote it.
 */
public final class LogStreams {
    private final EngineClient engine;
    private final LogPrefixer prefixer;
    private final PrintStream out;
    private final PrintStream err;

    public LogStreams(EngineClient engine, LogPrefixer prefixer, PrintStream out, PrintStream err) {
        this.engine = engine;
        this.prefixer = prefixer;
        this.out = out;
        this.err = err;
    }

    /** Streams every container's log; returns when all streams end (immediately unless {@code follow}). */
    public void run(String project, List<JsonNode> containers, boolean follow, String tail, boolean timestamps) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (JsonNode c : containers) {
            prefixer.add(LogPrefixer.displayName(project, ProjectContainers.name(c)));
        }
        for (JsonNode c : containers) {
            String name = LogPrefixer.displayName(project, ProjectContainers.name(c));
            String path = "/containers/" + c.path("Id").asText() + "/logs?stdout=1&stderr=1&follow=" + (follow ? 1 : 0) + "&tail=" + tail
                    + "&timestamps=" + (timestamps ? 1 : 0);
            Thread t = new Thread(() -> pump(name, path), "logs-" + name);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void pump(String name, String path) {
        try (InputStream raw = engine.openRaw(path); DataInputStream in = new DataInputStream(raw)) {
            StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};
            byte[] header = new byte[8];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    break;
                }
                int stream = header[0] == 2 ? 1 : 0;
                int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                byte[] payload = new byte[size];
                in.readFully(payload);
                StringBuilder sb = partial[stream];
                sb.append(new String(payload, StandardCharsets.UTF_8));
                int nl;
                while ((nl = sb.indexOf("\n")) >= 0) {
                    String line = sb.substring(0, nl);
                    sb.delete(0, nl + 1);
                    PrintStream target = stream == 1 ? err : out;
                    synchronized (out) {
                        target.println(prefixer.line(name, null, line));
                        target.flush();
                    }
                }
            }
            for (int i = 0; i < 2; i++) {
                if (partial[i].length() > 0) {
                    synchronized (out) {
                        (i == 1 ? err : out).println(prefixer.line(name, null, partial[i].toString()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            synchronized (out) {
                err.println(name + ": reading logs: " + e.getMessage());
            }
        }
    }
}
