package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volumes with the local driver's options through the real docker CLI on real containers: a
 * {@code type=none,o=bind,device=DIR} volume shows the host directory, a {@code type=tmpfs} volume
 * is a tmpfs of the asked size; {@code docker volume ls/inspect/create/rm/prune} as Docker's.
 */
@Tag("root")
class VolumeCliRootTest {
    @TempDir
    Path dir;
    private NetworkTestEngine t;

    @BeforeEach
    void start() throws Exception {
        t = NetworkTestEngine.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void driverOptsBindAndTmpfsAreMountedAtStart() throws Exception {
        Path host = Files.createDirectories(dir.resolve("host-data"));
        Files.writeString(host.resolve("hello.txt"), "from the host\n");
        t.cli.ok("volume", "create", "--opt", "type=none", "--opt", "o=bind", "--opt", "device=" + host, "--label", "network-test=bind",
                "network-bindvol");
        t.cli.ok("volume", "create", "--opt", "type=tmpfs", "--opt", "device=tmpfs", "--opt", "o=size=8m,mode=0750",
                "network-tmpvol");
        assertEquals("map[device:" + host + " o:bind type:none] map[network-test:bind]",
                t.cli.ok("volume", "inspect", "--format", "{{.Options}} {{.Labels}}", "network-bindvol"));

        t.run("network-vols", "cat /b/hello.txt; echo written > /b/back.txt; grep ' /t ' /proc/mounts; ls -ld /t",
                "-v", "network-bindvol:/b", "-v", "network-tmpvol:/t");
        String out = t.output("network-vols");
        assertTrue(out.contains("from the host"), out);
        assertTrue(out.contains("tmpfs /t tmpfs") && out.contains("size=8192k"), "an 8 MiB tmpfs: " + out);
        assertTrue(out.contains("drwxr-x---"), "mode 0750: " + out);
        assertEquals("written\n", Files.readString(host.resolve("back.txt")), "writes reach the host directory");

        DockerCli.Result bad = t.cli.run("volume", "create", "--opt", "type=none", "--opt", "o=bind", "network-nodevice");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("needs an absolute host path as device"), bad.err());
        DockerCli.Result inUse = t.cli.run("volume", "rm", "network-bindvol");
        assertNotEquals(0, inUse.code());
        assertTrue(inUse.err().contains("volume is in use"), inUse.err());
        t.cli.ok("rm", "-f", "network-vols");
        t.cli.ok("volume", "rm", "network-bindvol");
        assertTrue(Files.exists(host.resolve("hello.txt")), "removing a bind volume leaves the host directory alone");
    }

    @Test
    void lsInspectCreateRmPrune() throws Exception {
        t.cli.ok("volume", "create", "--label", "network-test=keep", "network-named");
        String anonymous = t.cli.ok("volume", "create");
        t.run("network-user", "true", "-v", "network-used:/data");
        assertEquals("network-named\nnetwork-used", t.cli.ok("volume", "ls", "-q", "--filter", "name=network-"));
        assertEquals("network-named", t.cli.ok("volume", "ls", "-q", "--filter", "label=network-test"));
        assertEquals("network-used", t.cli.ok("volume", "ls", "-q", "--filter", "name=network-", "--filter", "dangling=false"));
        assertEquals("local " + t.root().resolve("volumes/network-named/_data"),
                t.cli.ok("volume", "inspect", "--format", "{{.Driver}} {{.Mountpoint}}", "network-named"));

        String pruned = t.cli.ok("volume", "prune", "-f");
        assertTrue(pruned.contains(anonymous) && !pruned.contains("network-named"), "prune takes anonymous volumes only: " + pruned);
        String all = t.cli.ok("volume", "prune", "-a", "-f");
        assertTrue(all.contains("network-named") && !all.contains("network-used"), "prune -a takes unused named ones too: " + all);
        assertEquals("network-used", t.cli.ok("volume", "ls", "-q"));
        t.cli.ok("rm", "-f", "network-user");
        t.cli.ok("volume", "rm", "network-used");
        DockerCli.Result gone = t.cli.run("volume", "inspect", "network-used");
        assertNotEquals(0, gone.code());
        assertTrue(gone.err().contains("no such volume"), gone.err());
    }
}
