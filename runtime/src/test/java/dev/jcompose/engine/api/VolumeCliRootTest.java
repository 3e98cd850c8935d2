package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
    void mountsAreInInspectAndAnAnonymousVolumeIsKeptAcrossRestartsUntilRmV() throws Exception {
        Path host = Files.createDirectories(dir.resolve("bind-src"));
        t.run("network-anon", "echo start >> /data/starts; cat /data/starts | wc -l",
                "--mount", "type=volume,target=/data", "-v", host + ":/b:ro", "-v", "network-kept:/n");
        assertEquals("1", t.output("network-anon").lines().filter(l -> !l.startsWith("==")).findFirst().orElse("").trim());
        String mounts = t.cli.ok("inspect", "--format",
                "{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}} {{.Mode}} {{.Driver}};{{end}}", "network-anon");
        // the docker CLI sends -v binds from a Go map, so their order varies from run to run; compare them as a set
        assertEquals(List.of("bind /b false ro ", "volume /data true z local", "volume /n true z local"),
                Arrays.stream(mounts.split(";")).sorted().toList());
        String anonymous = t.cli.ok("inspect", "--format", "{{range .Mounts}}{{if eq .Destination \"/data\"}}{{.Name}}{{end}}{{end}}",
                "network-anon");
        assertEquals(64, anonymous.length(), "an anonymous volume's name: " + anonymous);
        assertEquals(t.root().resolve("volumes/" + anonymous + "/_data").toString(), t.cli.ok("inspect", "--format",
                "{{range .Mounts}}{{if eq .Destination \"/data\"}}{{.Source}}{{end}}{{end}}", "network-anon"));

        t.cli.ok("restart", "-t", "0", "network-anon");
        String again = t.logsWith("network-anon", "2\n==done");
        assertTrue(again.contains("2\n==done"), "the second start saw the first one's file in the same volume: " + again);
        assertEquals(anonymous, t.cli.ok("volume", "ls", "-q", "--filter", "dangling=false", "--filter", "name=" + anonymous));

        t.cli.ok("rm", "-f", "-v", "network-anon");
        assertEquals("", t.cli.ok("volume", "ls", "-q", "--filter", "name=" + anonymous), "rm -v removes the anonymous volume");
        assertEquals("network-kept", t.cli.ok("volume", "ls", "-q", "--filter", "name=network-kept"), "and keeps named ones");
        t.cli.ok("volume", "rm", "network-kept");
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
