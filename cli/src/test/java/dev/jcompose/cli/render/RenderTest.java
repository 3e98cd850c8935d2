package dev.jcompose.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RenderTest {
    @Test
    void logPrefixesAsDockerCompose() {
        LogPrefixer plain = new LogPrefixer(false, true);
        assertEquals("web-1", LogPrefixer.displayName("demo", "/demo-web-1"));
        plain.add("web-1");
        plain.add("db-1");
        assertEquals("web-1  | hello", plain.line("web-1", null, "hello"));
        assertEquals("db-1   | ready", plain.line("db-1", null, "ready"));
        LogPrefixer colored = new LogPrefixer(true, true);
        assertEquals("\033[36mweb-1  | \033[0mhi", colored.line("web-1", null, "hi"));
        assertEquals("\033[33mdb-1   | \033[0mhi", colored.line("db-1", null, "hi"));
        assertEquals("2026-11-22T10:00:00.000000000Z hi", new LogPrefixer(false, false).line("x", "2026-11-22T10:00:00.000000000Z", "hi"));
    }

    @Test
    void plainProgressIsOneLinePerEventAndTtyProgressRedrawsABlock() {
        var bytes = new ByteArrayOutputStream();
        ProgressPrinter plain = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "Running");
        plain.event("Container demo-db-1", "Waiting", "demo-db-1 is starting", false);
        plain.event("Container demo-db-1", "Healthy", "", true);
        assertEquals(" Container demo-db-1 Waiting demo-db-1 is starting\n Container demo-db-1 Healthy\n",
                bytes.toString(StandardCharsets.UTF_8));

        var tty = new ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new PrintStream(tty, true, StandardCharsets.UTF_8), true, "Running");
        p.event("Network demo_default", "Created", "", true);
        p.event("Container demo-web-1", "Starting", "", false);
        String screen = tty.toString(StandardCharsets.UTF_8);
        assertTrue(screen.contains("[+] Running 1/2"), screen);
        assertTrue(screen.contains("✔\033[0m Network demo_default  Created"), screen);
        assertTrue(screen.contains("\033[2F"), "the second draw moves up over the first block: " + screen);
    }
}
