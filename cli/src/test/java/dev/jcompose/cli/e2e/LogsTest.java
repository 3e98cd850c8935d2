package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/logs_test.go}: "TestLocalComposeLogs", "TestLocalComposeLogsFollow"
 * and "TestLocalComposeLargeLogs" on {@code fixtures/logs-test} ({@code alpine} is the busybox
 * stand-in; its {@code ping} prints {@code PING localhost (127.0.0.1): 56 data bytes}).
 *
 * <p>Differences from the Go tests: the first {@code logs} polls until both services have printed
 * (the Go test relies on docker being slower than the echo); the follow test waits up to 30 s for
 * each line instead of 1 s and pings 600 times instead of 20 (CI machines are shared: {@code logs -f}
 * ends, as docker compose's, once no container runs, so ping-1 must outlive the scale-up); the
 * default network gets this area's subnet.
 * {@code fixtures/logs-test/restart.yaml} has no Go test in the docker/compose version ported.
 */
class LogsTest extends E2eTest {
    private static final String FILE = "fixtures/logs-test/compose.yaml";
    private static final Pattern HELLO_1 = Pattern.compile("hello-1\\s+\\| hello");
    private static final Pattern HELLO_2 = Pattern.compile("hello-2\\s+\\| hello");

    @Test
    void testLocalComposeLogs() throws Exception {
        c = E2eFixture.start(dir, FILE);
        String p = "e2e-logs";
        c.ok("-f", E2eFixture.path(FILE), "-f", c.subnet(40), "--project-name", p, "up", "-d");

        // "logs": both services, every replica of hello
        E2eFixture.Run all = c.awaitOutput(o -> o.contains("PING localhost") && HELLO_2.matcher(o).find()
                && HELLO_1.matcher(o).find(), 30, "ping's and both hellos' lines", "--project-name", p, "logs");
        assertTrue(all.out().contains("PING localhost"), all.combined());
        assertTrue(all.out().contains("hello"), all.combined());

        // "logs ping"
        E2eFixture.Run ping = c.ok("--project-name", p, "logs", "ping");
        assertTrue(ping.out().contains("PING localhost"), ping.combined());
        assertFalse(ping.out().contains("hello"), ping.combined());

        // "logs hello" (with ping: both)
        E2eFixture.Run both = c.ok("--project-name", p, "logs", "hello", "ping");
        assertTrue(both.out().contains("PING localhost"), both.combined());
        assertTrue(both.out().contains("hello"), both.combined());

        // "logs hello index"
        E2eFixture.Run index = c.ok("--project-name", p, "logs", "--index", "2", "hello");
        assertFalse(index.out().contains("hello-1"), index.combined());
        assertTrue(index.out().contains("hello-2"), index.combined());

        c.ok("--project-name", p, "down");
        assertEquals(List.of(), c.containerNames());
    }

    @Test
    void testLocalComposeLogsFollow() throws Exception {
        c = E2eFixture.start(dir, FILE);
        E2eFixture cli = c.withEnv(Map.of("REPEAT", "600"));
        String p = "e2e-logs-follow";
        String subnet = c.subnet(41);
        cli.ok("-f", E2eFixture.path(FILE), "-f", subnet, "--project-name", p, "up", "-d", "ping");

        try (E2eFixture.Background follow = cli.spawn("--project-name", p, "logs", "-f")) {
            follow.awaitCombined(o -> o.contains("ping-1 "), 30, "ping-1's lines");

            cli.ok("-f", E2eFixture.path(FILE), "-f", subnet, "--project-name", p, "up", "-d");
            follow.awaitCombined(o -> o.contains("hello-1 "), 30, "hello-1's line, started after logs -f");

            cli.ok("-f", E2eFixture.path(FILE), "-f", subnet, "--project-name", p, "up", "-d", "--scale", "ping=2", "ping");
            follow.awaitCombined(o -> o.contains("ping-2 "), 30, "ping-2's lines, scaled up after logs -f");
        }
        cli.ok("--project-name", p, "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }

    @Test
    void testLocalComposeLargeLogs() throws Exception {
        String cat = "fixtures/logs-test/cat.yaml";
        c = E2eFixture.start(dir, cat);
        Path file = dir.resolve("large.txt");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < 300_000; i++) {
                w.write("This is line " + i + " in a laaaarge text file\n");
            }
        }
        E2eFixture cli = c.withEnv(Map.of("FILE", file.toString()));
        String p = "e2e-large_logs";
        E2eFixture.Run up = cli.run("-f", E2eFixture.path(cat), "-f", c.subnet(42), "--project-name", p, "up",
                "--abort-on-container-exit", "--menu=false");
        assertTrue(up.out().contains("test-1 exited with code 0"), () -> "exit " + up.code() + ", stderr:\n" + up.err()
                + "\nstdout's end:\n" + up.out().substring(Math.max(0, up.out().length() - 2000)));
        long lines = up.out().lines().filter(l -> l.contains("in a laaaarge text file")).count();
        assertEquals(300_000, lines, () -> "every line printed; stdout's end:\n" + up.out().substring(Math.max(0, up.out().length() - 2000)));
        cli.ok("--project-name", p, "down");
        assertEquals(List.of(), c.containerNames());
    }
}
