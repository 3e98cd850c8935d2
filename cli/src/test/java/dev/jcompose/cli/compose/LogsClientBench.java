package dev.jcompose.cli.compose;

import dev.jcompose.cli.render.LogPrefixer;
import dev.jcompose.cli.render.LogPrinter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The client's per-line cost of {@code jcompose logs} without the engine or the JVM's start-up (not a
 * test; run by hand, best with the launcher's flags: {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1
 * -cp cli/target/classes:cli/target/test-classes:runtime/target/classes dev.jcompose.cli.compose.LogsClientBench [LINES] [ROUNDS]}):
 * a {@code timestamps=1} multiplexed answer of LINES lines, made in memory, read by {@link LogFrameReader}
 * through {@link LogCursor} into a {@link LogPrinter} writing to a discarding stream, as {@code LogFollower}
 * wires them. Prints the CPU time of the reading thread per round (CPU, not wall: stable on a busy machine).
 */
public final class LogsClientBench {
    private LogsClientBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] answer = answer(lines);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        var threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            LogPrinter printer = new LogPrinter(new LogPrefixer(true, true), false, discard, discard);
            printer.attached("lines-1");
            LogCursor cursor = new LogCursor();
            long c0 = threads.getCurrentThreadCpuTime();
            new LogFrameReader((stderr, time, text, off, len) -> {
                if (cursor.accept(time)) {
                    printer.line("lines-1", stderr, time, text, off, len);
                }
            }, printer::flush).read(new ByteArrayInputStream(answer));
            long c1 = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d: %d lines, reading thread CPU %.0f ms (%.0f ns/line)%n", round + 1, lines,
                    (c1 - c0) / 1e6, (double) (c1 - c0) / lines);
        }
    }

    /** What the engine sends for {@code seq 1 LINES} with timestamps: one stdout frame per line, a microsecond apart. */
    private static byte[] answer(int lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 50);
        Instant t = Instant.parse("2026-12-02T06:00:00.000000001Z");
        for (int i = 1; i <= lines; i++) {
            byte[] payload = (dev.jcompose.engine.logs.TimeFormat.rfc3339Nano(t.plusNanos(i * 1000L)) + " " + i + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            out.write(new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) payload.length}, 0, 8);
            out.write(payload, 0, payload.length);
        }
        return out.toByteArray();
    }
}
