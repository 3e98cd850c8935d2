package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.api.DockerCliEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many containers, each with several processes, killed at once ({@code docker kill} of all, then
 * {@code docker rm -f} of all): once the kill is waited for, no {@code jcompose/<id>} cgroup of them
 * is left in any hierarchy (v1 controllers, the named systemd one, the unified one of a hybrid host).
 */
@Tag("root")
class KillCleanupRootTest {
    private static final int CONTAINERS = 8;
    private static final String BUSY = "sleep 300 & sleep 300 & sleep 300 & wait";

    @TempDir
    Path dir;
    private DockerCliEngine world;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(!CgroupMounts.roots().isEmpty(), "needs a mounted cgroupfs");
        world = DockerCliEngine.start(dir, "engine-killcg:1");
    }

    @AfterEach
    void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    /** Runs the docker CLI against the test's engine, asserts success; its stdout and stderr as one. */
    private String ok(String... args) throws Exception {
        return world.cli().merged(args);
    }

    @Test
    void killingManyAtOnceLeavesNoCgroup() throws Exception {
        List<String> killed = runMany("engine-killcg-k");
        List<String> args = new ArrayList<>(List.of("kill"));
        args.addAll(killed);
        ok(args.toArray(String[]::new));
        List<String> wait = new ArrayList<>(List.of("wait"));
        wait.addAll(killed);
        ok(wait.toArray(String[]::new));
        assertEquals(List.of(), leftovers(killed), "no cgroup of a killed container is left");

        List<String> removed = runMany("engine-killcg-r");
        List<String> rm = new ArrayList<>(List.of("rm", "-f"));
        rm.addAll(removed);
        ok(rm.toArray(String[]::new));
        assertEquals(List.of(), leftovers(removed), "no cgroup of a force-removed container is left");
    }

    private List<String> runMany(String prefix) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            ids.add(ok("run", "-d", "--network", "none", "--name", prefix + i, "engine-killcg:1", "sh", "-c", BUSY));
        }
        for (String id : ids) {
            assertTrue(!leftovers(List.of(id)).isEmpty(), "a running container has its cgroup (else this test checks nothing)");
        }
        return ids;
    }

    private static List<Path> leftovers(List<String> ids) throws Exception {
        return CgroupMounts.containerDirs(ids);
    }
}
