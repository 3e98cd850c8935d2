package dev.jcompose.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.cli.compose.LogLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogPrinterTest {
    @Test
    void linesGoToTheContainersStreamWithPrefixStampAndStatusLines() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        LogPrinter p = new LogPrinter(new LogPrefixer(false, true), true, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        p.attached("web-1");
        p.attached("db-1");
        Instant t = Instant.parse("2026-12-01T10:00:00.5Z");
        p.line("web-1", new LogLine(false, t, "hello"));
        p.line("db-1", new LogLine(true, t, "oops"));
        p.status("db-1", "exited with code 3");
        assertEquals("web-1  | 2026-12-01T10:00:00.500000000Z hello\ndb-1 exited with code 3\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("db-1   | 2026-12-01T10:00:00.500000000Z oops\n", err.toString(StandardCharsets.UTF_8));
        var colored = new LogPrefixer(true, true);
        colored.add("web-1");
        assertEquals("\033[36mweb-1\033[0m exited with code 0", colored.status("web-1", "exited with code 0"));
    }

    @Test
    void stampsEveryLineWithItsOwnSecondAndNanosAndKeepsLongLinesWhole() {
        var out = new ByteArrayOutputStream();
        LogPrinter p = new LogPrinter(new LogPrefixer(false, false), true, new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), false, StandardCharsets.UTF_8));
        p.attached("web-1");
        StringBuilder expected = new StringBuilder();
        Instant t = Instant.parse("2026-12-31T23:59:58.999999998Z");
        for (int i = 0; i < 5000; i++) {
            Instant at = t.plusNanos(i * 1_000_001L);
            String text = i == 2500 ? "x".repeat(100_000) : "line " + i;
            p.line("web-1", new LogLine(false, at, text));
            expected.append(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(at)).append(' ').append(text).append('\n');
        }
        p.flush();
        assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    }
}
