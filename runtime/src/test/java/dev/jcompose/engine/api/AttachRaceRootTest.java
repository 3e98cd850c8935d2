package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker run --rm} of a container that exits at once must still print all its output: the
 * attach made before the start sees everything written after it, the stream ends only after the
 * container started and stopped (judged from one reading of its state), and the auto-removal (which
 * deletes the log) waits until the attached stream has sent it. Hammered by eight clients at once.
 * Two races were found this way (exit 0, empty output, once in CI each): the log opened after the
 * container had written, and a start landing between two reads of the state. The second showed in
 * 2 of 12 runs here after dropping the page cache, not on a warm machine: the test catches such
 * races sometimes, not always.
 */
@Tag("root")
class AttachRaceRootTest {
    private static final String IMAGE = "engine-attachrace:1";
    private static final int RUNS = 100;
    /** Eight clients at once on two cores: the engine's stream threads wait their turn, as under CI's load. */
    private static final int PARALLEL = 8;

    @TempDir
    Path dir;
    private DockerCliEngine world;
    private Engine engine;
    private DockerCli cli;

    @BeforeEach
    void start() throws Exception {
        world = DockerCliEngine.start(dir, IMAGE);
        engine = world.engine();
        cli = world.cli();
    }

    @AfterEach
    void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void everyShortRemovedRunPrintsExactlyItsOutput() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                String n = "line-" + i;
                // without a network the start is short: the container writes and ends soon after the attach's answer
                outcomes.add(clients.submit(() -> {
                    // named: two concurrent creates can draw the same random name (ContainerService checks, then inserts)
                    DockerCli.Result r = cli.run("run", "--rm", "--name", "engine-attachrace-" + n, "--network", "none", IMAGE, "echo", n);
                    return r.code() + " [" + r.out() + "] " + r.err().strip();
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                String got = outcomes.get(i).get();
                if (!got.equals("0 [line-" + i + "\n] ")) {
                    wrong.add("run " + i + ": " + got);
                }
            }
            assertEquals(List.of(), wrong, "every docker run --rm prints exactly its line and exits 0");
        } finally {
            clients.shutdownNow();
        }
        assertEquals("", cli.ok("ps", "-a", "-q"), "every --rm container was removed");
        assertTrue(engine.containers().store().list().isEmpty(), "no container record left");
    }
}
