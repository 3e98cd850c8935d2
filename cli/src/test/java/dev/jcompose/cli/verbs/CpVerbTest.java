package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cp} both ways through the engine's archive endpoints, docker cp's naming rules, links kept inside the container, and the real docker CLI. */
@Tag("root")
class CpVerbTest {
    @TempDir
    Path dir;
    private VerbsHarness h;

    @BeforeEach
    void start() throws Exception {
        h = VerbsHarness.start(dir);
        h.compose("""
                name: verbscp
                services:
                  app:
                    image: tiny:1
                    command: ["sleep", "3600"]
                    stop_grace_period: 1s
                networks:
                  default:
                    ipam: {config: [{subnet: 10.213.43.0/24}]}
                """);
        h.ok("up", "-d");
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private String inContainer(String script) throws Exception {
        return h.ok("exec", "-T", "app", "sh", "-c", script);
    }

    @Test
    void copiesFilesAndDirectoriesBothWaysWithDockerCpNaming() throws Exception {
        Files.writeString(dir.resolve("local.txt"), "from the host\n");
        Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(dir.resolve("tree/a.txt"), "a\n");
        Files.writeString(dir.resolve("tree/sub/b.txt"), "b\n");
        Files.createSymbolicLink(dir.resolve("tree/link"), Path.of("a.txt"));

        h.ok("cp", "./local.txt", "app:/tmp/");
        assertEquals("from the host", inContainer("cat /tmp/local.txt").strip());
        h.ok("cp", "./local.txt", "app:/tmp/renamed.txt");
        assertEquals("from the host", inContainer("cat /tmp/renamed.txt").strip());
        h.ok("cp", "./tree", "app:/tmp/newtree");
        assertEquals("a b a", inContainer("echo $(cat /tmp/newtree/a.txt /tmp/newtree/sub/b.txt /tmp/newtree/link)").strip());
        h.ok("cp", "./tree", "app:/tmp");
        assertEquals("b", inContainer("cat /tmp/tree/sub/b.txt").strip(), "into an existing directory: under the source's name");

        h.ok("cp", "app:/etc/passwd", "./passwd.out");
        assertTrue(Files.readString(dir.resolve("passwd.out")).startsWith("root:x:0:0:"));
        h.ok("cp", "app:/tmp/newtree", "./back");
        assertEquals("b\n", Files.readString(dir.resolve("back/sub/b.txt")));
        assertTrue(Files.isSymbolicLink(dir.resolve("back/link")), "links are copied as links");
        Files.createDirectories(dir.resolve("existing"));
        h.ok("cp", "app:/tmp/newtree/.", "./existing");
        assertEquals("a\n", Files.readString(dir.resolve("existing/a.txt")), "dir/. copies the content");
        h.ok("cp", "app:/tmp/newtree", "./existing");
        assertEquals("a\n", Files.readString(dir.resolve("existing/newtree/a.txt")));

        VerbsHarness.Run missing = h.jcompose("cp", "app:/nonexistent", "./x");
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("Could not find the file /nonexistent"), missing.err());
    }

    @Test
    void linksInTheContainerNeverLeadOutOfIt() throws Exception {
        Files.createSymbolicLink(dir.resolve("escape"), Path.of("/"));
        h.ok("cp", "./escape", "app:/tmp/");
        String marker = "verbscp-marker-" + ProcessHandle.current().pid() + ".txt";
        Files.writeString(dir.resolve(marker), "inside\n");
        h.ok("cp", "./" + marker, "app:/tmp/escape/");
        assertFalse(Files.exists(Path.of("/", marker)), "the write through a link to / stayed in the container");
        String listing = inContainer("ls -la / /tmp");
        assertTrue(listing.contains(marker), "the file is in the container's / : " + listing);
        assertEquals("inside", inContainer("cat /" + marker).strip());
        h.ok("cp", "app:/tmp/escape/etc/passwd", "./through-link");
        assertTrue(Files.readString(dir.resolve("through-link")).startsWith("root:x:0:0:root:/root:/bin/sh\nnobody"),
                "a read through the link reads the container's /etc/passwd, not the host's");
    }

    @Test
    void copiesIntoAndOutOfAStoppedContainer() throws Exception {
        h.ok("stop", "-t", "1");
        Files.writeString(dir.resolve("config.txt"), "written while stopped\n");
        h.ok("cp", "./config.txt", "app:/etc/config.txt");
        h.ok("cp", "app:/etc/config.txt", "./config.back");
        assertEquals("written while stopped\n", Files.readString(dir.resolve("config.back")));
        assertFalse(Files.exists(h.engine.containers().store().directory(h.engine.containers().inspect("verbscp-app-1").id())
                .resolve("archive-mnt")), "the copy's mount is gone");
        h.ok("start");
        assertEquals("written while stopped", inContainer("cat /etc/config.txt").strip(), "the container sees what was copied in");
    }

    @Test
    void theRealDockerCliCopiesThroughTheEngine() throws Exception {
        Path docker = Path.of("/usr/local/bin/docker");
        assumeTrue(Files.isExecutable(docker), "needs the docker CLI (client only) at " + docker);
        Files.writeString(dir.resolve("in.txt"), "via docker cp\n");
        String socket = "unix://" + h.engine.config().socket();
        assertEquals(0, docker(docker, socket, "cp", dir.resolve("in.txt").toString(), "verbscp-app-1:/tmp/in.txt"));
        assertEquals("via docker cp", inContainer("cat /tmp/in.txt").strip());
        assertEquals(0, docker(docker, socket, "cp", "verbscp-app-1:/tmp/in.txt", dir.resolve("out.txt").toString()));
        assertEquals("via docker cp\n", Files.readString(dir.resolve("out.txt")));
    }

    private int docker(Path docker, String host, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(docker.toString(), "-H", host));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "docker", ".err");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "docker " + args[0] + " timed out");
        if (p.exitValue() != 0) {
            System.err.println("docker " + String.join(" ", args) + ": " + Files.readString(err));
        }
        return p.exitValue();
    }
}
