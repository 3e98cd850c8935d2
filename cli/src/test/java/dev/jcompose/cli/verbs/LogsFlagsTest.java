package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logs} flags on real containers: --tail, --index, -t, --since, --until, --no-log-prefix. */
@Tag("root")
class LogsFlagsTest {
    @TempDir
    Path dir;
    private CliFixture cli;

    @BeforeEach
    void start() throws Exception {
        cli = CliFixture.start(dir);
    }

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    void tailIndexTimestampsSinceUntil() throws Exception {
        cli.compose("""
                name: attach-logs
                services:
                  talk:
                    image: tiny:1
                    command: ["sh", "-c", "echo early 1 $$HOSTNAME; echo early 2; echo early 3; sleep 2; echo late 1; echo late 2; sleep 600"]
                    deploy: {replicas: 2}
                    stop_grace_period: 1s
                """);
        assertEquals(0, cli.run("up", "-d").code());
        long deadline = System.currentTimeMillis() + 30_000;
        String all = "";
        while (System.currentTimeMillis() < deadline && all.split("late 2", -1).length < 3) {
            Thread.sleep(300);
            all = cli.ok("logs", "--no-color", "talk");
        }
        assertEquals(10, all.lines().count(), all);

        List<String> tail = cli.ok("logs", "--no-color", "--tail", "2", "--index", "2", "talk").lines().toList();
        assertEquals(List.of("talk-2  | late 1", "talk-2  | late 2"), tail, "--tail per container, --index picks replica 2");

        List<String> stamped = cli.ok("logs", "--no-color", "-t", "--index", "1", "talk").lines().toList();
        assertEquals(5, stamped.size(), stamped.toString());
        for (String l : stamped) {
            assertTrue(l.matches("talk-1  \\| \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z (early|late) .*"), "RFC 3339 nano stamp after the prefix: " + l);
        }
        String firstLate = stamped.get(3).substring("talk-1  | ".length()).split(" ")[0];
        Instant lateAt = Instant.parse(firstLate);
        assertEquals(List.of("late 1", "late 2"), cli.ok("logs", "--no-log-prefix", "--index", "1", "--since", firstLate, "talk").lines().toList(),
                "--since is inclusive, and --no-log-prefix drops the prefix");
        List<String> early = cli.ok("logs", "--no-log-prefix", "--index", "1", "--until", lateAt.minusMillis(500).toString(), "talk").lines().toList();
        assertEquals(3, early.size(), "--until stops before the late lines: " + early);
        assertTrue(early.get(0).startsWith("early 1"), early.toString());
        assertEquals("", cli.ok("logs", "--no-color", "--since", "1m", "--until", "2m", "talk"), "an empty window (until before since)");
        assertEquals(10, cli.ok("logs", "--no-color", "--since", "10m", "talk").lines().count(), "relative --since");
        assertEquals(0, cli.run("down", "-t", "1").code());
    }
}
