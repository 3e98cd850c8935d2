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
 * a spinner for what is still going, the wait's detail while waiting; a resource's children (a
 * pulled image's layers) indented under it with their detail as it is ({@code    ⠙ 1a2b3c4d5e6f
 * Downloading [==>   ]  1.2MB/4.5MB  0.3s}), lines cut to the terminal's width. Otherwise
 * ({@code --progress plain} or not a TTY): one plain line per event ({@code  web Pulled}). Thread-safe:
 * the executor reports from many threads.
 */
public final class ProgressPrinter {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    private final PrintStream out;
    private final boolean tty;
    private final String verb;
    private static final long REDRAW_NANOS = 50_000_000L;

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private int width;
    private int drawnLines;
    private int tick;
    private long lastDrawn;

    private static final class Row {
        String parent;
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

    /** Cuts each line of the block to {@code columns} (the terminal's width; 0 for no limit). */
    public synchronized ProgressPrinter width(int columns) {
        this.width = columns;
        return this;
    }

    public synchronized void event(String resource, String status, String detail, boolean done) {
        update(null, resource, status, detail, done);
    }

    /**
     * An event of {@code id}, shown under {@code parent} (a layer under its service). Where only
     * the detail moved on (a byte count), the terminal block is redrawn at most every 50 ms.
     */
    public synchronized void child(String parent, String id, String status, String detail, boolean done) {
        update(parent, parent + "\u0000" + id, status, detail, done);
    }

    private void update(String parent, String key, String status, String detail, boolean done) {
        Row row = rows.computeIfAbsent(key, k -> new Row());
        boolean sameState = status.equals(row.status) && done == row.done;
        row.parent = parent;
        row.status = status;
        row.detail = detail == null ? "" : detail;
        row.error = status.equals("Error");
        if (done && !row.done) {
            row.finished = System.nanoTime();
        }
        row.done = done;
        String resource = name(key);
        if (tty) {
            if (!sameState || System.nanoTime() - lastDrawn >= REDRAW_NANOS) {
                redraw();
            }
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

    /** A row's name: the resource, or a child's own id. */
    private static String name(String key) {
        return key.substring(key.indexOf('\u0000') + 1);
    }

    private void redraw() {
        List<String> lines = new ArrayList<>();
        long done = rows.values().stream().filter(r -> r.done).count();
        lines.add("[+] " + verb + " " + done + "/" + rows.size());
        int column = rows.entrySet().stream().mapToInt(e -> name(e.getKey()).length() + (e.getValue().parent == null ? 0 : 2)).max().orElse(0);
        for (var e : rows.entrySet()) {
            if (e.getValue().parent == null) {
                lines.add(line(e.getKey(), e.getValue(), column));
                for (var c : rows.entrySet()) {
                    if (e.getKey().equals(c.getValue().parent)) {
                        lines.add(line(c.getKey(), c.getValue(), column));
                    }
                }
            }
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
        lastDrawn = System.nanoTime();
    }

    /** {@code  ✔ name  status (detail)  1.2s}; a child indented by two columns, its detail without parentheses. */
    private String line(String key, Row r, int column) {
        String mark = r.error ? "\033[31m✘\033[0m" : r.status.equals("Warning") ? "\033[33m!\033[0m"
                : r.done ? "\033[32m✔\033[0m" : SPINNER[tick % SPINNER.length];
        String indent = r.parent == null ? "" : "  ";
        String name = name(key);
        String status = r.status + (r.detail.isEmpty() ? "" : r.parent == null ? " (" + r.detail + ")" : " " + r.detail);
        long end = r.done ? r.finished : System.nanoTime();
        String secs = String.format("%.1fs", Duration.ofNanos(end - r.started).toMillis() / 1000.0);
        String text = name + " ".repeat(column - name.length() - indent.length() + 2) + status + "  " + secs;
        int room = width - 4 - indent.length(); // one column spare: a full last column would wrap on some terminals
        if (width > 0 && text.length() > room) {
            text = text.substring(0, Math.max(0, room));
        }
        return indent + " " + mark + " " + text;
    }
}
