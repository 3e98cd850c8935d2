package dev.jcompose.cli.render;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker compose v2's progress output. On a terminal: a block redrawn in place, headed
 * {@code [+] Running 3/4}, one line per resource ({@code  ✔ Container demo-db-1  Healthy  5.6s}),
 * a spinner for what is still going, the wait's detail while waiting. Otherwise ({@code --progress plain}
 * or not a TTY): one plain line per event. Thread-safe: the executor reports from many threads.
 */
public final class ProgressPrinter {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    private final PrintStream out;
    private final boolean tty;
    private final String verb;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private int drawnLines;
    private int tick;

    private static final class Row {
        String status = "";
        String detail = "";
        boolean done;
        boolean error;
        final long started = System.nanoTime();
        long finished;
    }

    /** @param verb the header's word: Running, Stopping, Removing, Pulling … */
    public ProgressPrinter(PrintStream out, boolean tty, String verb) {
        this.out = out;
        this.tty = tty;
        this.verb = verb;
    }

    public synchronized void event(String resource, String status, String detail, boolean done) {
        Row row = rows.computeIfAbsent(resource, k -> new Row());
        row.status = status;
        row.detail = detail == null ? "" : detail;
        row.done = done;
        row.error = status.equals("Error");
        if (done) {
            row.finished = System.nanoTime();
        }
        if (tty) {
            redraw();
        } else {
            out.println(" " + resource + " " + status + (row.detail.isEmpty() ? "" : " " + row.detail));
            out.flush();
        }
    }

    /** Redraws once more so spinners and timers move; called periodically by the command while it waits. */
    public synchronized void tick() {
        if (tty && !rows.isEmpty()) {
            tick++;
            redraw();
        }
    }

    /** Leaves the final state on screen. */
    public synchronized void finish() {
        if (tty && !rows.isEmpty()) {
            redraw();
        }
    }

    private void redraw() {
        List<String> lines = new ArrayList<>();
        long done = rows.values().stream().filter(r -> r.done).count();
        lines.add("[+] " + verb + " " + done + "/" + rows.size());
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (var e : rows.entrySet()) {
            Row r = e.getValue();
            String mark = r.error ? "\033[31m✘\033[0m" : r.done ? "\033[32m✔\033[0m" : SPINNER[tick % SPINNER.length];
            String status = r.status + (r.detail.isEmpty() ? "" : " (" + r.detail + ")");
            long end = r.done ? r.finished : System.nanoTime();
            String secs = String.format("%.1fs", Duration.ofNanos(end - r.started).toMillis() / 1000.0);
            lines.add(" " + mark + " " + e.getKey() + " ".repeat(width - e.getKey().length() + 2) + status + "  " + secs);
        }
        StringBuilder sb = new StringBuilder();
        if (drawnLines > 0) {
            sb.append("\033[").append(drawnLines).append('F');
        }
        for (String l : lines) {
            sb.append("\033[2K").append(l).append('\n');
        }
        out.print(sb);
        out.flush();
        drawnLines = lines.size();
    }
}
