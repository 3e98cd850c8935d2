package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker run --rm of a container that cannot start: the engine removes it, as dockerd, so the CLI (waiting for that) exits. */
@Tag("root")
class AutoRemoveStartFailureRootTest {
    @TempDir
    Path dir;
    private DockerCliEngine e;

    @BeforeEach
    void setUp() throws Exception {
        e = DockerCliEngine.start(dir, "busybox-rmfail:latest");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (e != null) {
            e.close();
        }
    }

    @Test
    void aRemovedOnExitContainerThatFailsToStartIsRemovedAndRunReturns() throws Exception {
        // a custom seccomp profile is refused when the container starts (the docker CLI sends the file's JSON)
        Path profile = Files.writeString(dir.resolve("profile.json"), "{\"defaultAction\":\"SCMP_ACT_ALLOW\"}");
        DockerCli.Result r = e.cli().run("run", "--rm", "--name", "rmfail", "--network", "none", "--security-opt", "seccomp=" + profile,
                "busybox-rmfail", "true");
        assertEquals(125, r.code(), r.toString());
        assertTrue(r.err().contains("failed to start container"), r.toString());
        assertEquals("", e.cli().ok("ps", "-a", "-q", "--filter", "name=rmfail").strip(), "removed, as dockerd does");
    }
}
