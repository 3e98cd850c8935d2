package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named volumes and networks through the real docker CLI: create, ls with filters, inspect, rm, prune. */
class VolumeApiTest {
    @TempDir
    Path dir;
    private Engine engine;
    private DockerCli cli;

    @BeforeEach
    void start() throws Exception {
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI on PATH (a client only is enough)");
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        cli = new DockerCli(docker, engine.config().socket(), dir);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void lifecycle() throws Exception {
        assertEquals("demo_db", cli.ok("volume", "create", "--label", "com.docker.compose.project=demo", "demo_db"));
        assertEquals("demo_db", cli.ok("volume", "create", "demo_db"), "creating an existing name returns it");
        cli.ok("volume", "create", "other");
        String anonymous = cli.ok("volume", "create");
        assertEquals(64, anonymous.length());
        assertEquals("demo_db", cli.ok("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=demo"));
        String mountpoint = cli.ok("volume", "inspect", "--format", "{{.Mountpoint}} {{.Driver}} {{.Scope}}", "demo_db");
        assertEquals(engine.config().root().resolve("volumes/demo_db/_data") + " local local", mountpoint);
        assertTrue(Files.isDirectory(engine.config().root().resolve("volumes/demo_db/_data")));

        assertEquals(anonymous, cli.ok("volume", "prune", "-f").lines().filter(l -> l.length() == 64).findFirst().orElse(""),
                "prune removes anonymous volumes only");
        cli.ok("volume", "rm", "demo_db");
        assertFalse(Files.exists(engine.config().root().resolve("volumes/demo_db")));
        assertEquals("other", cli.ok("volume", "ls", "-q"));

        assertEquals("demo_default", cli.ok("network", "create", "--label", "com.docker.compose.project=demo", "demo_default").length() == 64
                ? cli.ok("network", "ls", "-q", "--filter", "label=com.docker.compose.project=demo").length() == 12 ? "demo_default" : "?" : "?");
        String subnet = cli.ok("network", "inspect", "--format", "{{(index .IPAM.Config 0).Subnet}}", "demo_default");
        assertTrue(subnet.matches("172\\.(1[89]|2[0-9]|3[01])\\.0\\.0/16|192\\.168\\.[0-9]+\\.0/20"),
                "one of Docker's default pools after 172.17 (which the bridge network has), skipping routed ones: " + subnet);
        assertTrue(cli.run("network", "create", "demo_default").err().contains("already exists"));
        cli.ok("network", "rm", "demo_default");
        DockerCli.Result missing = cli.run("volume", "inspect", "nope");
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("no such volume"), missing.err());
        DockerCli.Result bad = cli.run("volume", "create", "bad/name");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("invalid characters"), bad.err());
    }
}
