package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.lifecycle.BusyboxImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker run --rm} of a container that exits at once must still print all its output: the
 * attach made before the start sees everything written after it, and the auto-removal (which deletes
 * the log) waits until the attached stream has sent it. Hammered in parallel pairs while a CPU burner
 * keeps the machine busy, as under CI where it once printed nothing.
 */
@Tag("root")
class AttachRaceRootTest {
    private static final String IMAGE = "engine-attachrace:1";
    private static final int RUNS = 50;
    private static final int PARALLEL = 2;
    private static final int BURNERS = 2;

    @TempDir
    Path dir;
    private Engine engine;
    private DockerCli cli;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI on PATH (a client only is enough)");
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        BusyboxImage.install(engine.images(), "docker.io/library/" + IMAGE);
        cli = new DockerCli(docker, engine.config().socket(), dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.removeEverything();
            engine.close();
        }
    }

    @Test
    void everyShortRemovedRunPrintsExactlyItsOutput() throws Exception {
        AtomicBoolean burning = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        for (int b = 0; b < BURNERS; b++) {
            Thread burner = new Thread(() -> {
                long x = 0;
                while (burning.get()) {
                    x += System.nanoTime() % 7;
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "attachrace-burner-" + b);
            burner.setDaemon(true);
            burner.start();
            burners.add(burner);
        }
        ExecutorService pairs = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                String n = "line-" + i;
                boolean withNetwork = i % 2 == 0;
                outcomes.add(pairs.submit(() -> {
                    // half of them without a network: nothing to tear down, the removal comes sooner after the exit
                    DockerCli.Result r = withNetwork ? cli.run("run", "--rm", IMAGE, "echo", n)
                            : cli.run("run", "--rm", "--network", "none", IMAGE, "echo", n);
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
            pairs.shutdownNow();
            burning.set(false);
            for (Thread b : burners) {
                b.join();
            }
        }
        assertEquals("", cli.ok("ps", "-a", "-q"), "every --rm container was removed");
        assertTrue(engine.containers().store().list().isEmpty(), "no container record left");
    }
}
