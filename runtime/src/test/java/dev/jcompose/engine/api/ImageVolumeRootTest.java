package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.shim.BusyboxRootfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image's {@code VOLUME} through the real docker CLI, as Docker does it: a container gets an anonymous volume there
 * (unless a mount covers the path), filled with the image's content, listed in inspect's {@code Mounts}, kept across
 * restarts, and removed by {@code rm -v}; {@code docker run -v /path} (Config.Volumes from the CLI) does the same.
 */
@Tag("root")
class ImageVolumeRootTest {
    private static final String IMAGE = "volumes-seeded:1";
    @TempDir
    Path dir;
    private NetworkTestEngine t;

    @BeforeEach
    void start() throws Exception {
        t = NetworkTestEngine.start(dir);
        Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
        Files.createDirectories(rootfs.resolve("seed"));
        Files.writeString(rootfs.resolve("seed/hello.txt"), "from the image\n");
        Process tar = new ProcessBuilder("tar", "-C", rootfs.toString(), "-cf", dir.resolve("rootfs.tar").toString(), ".")
                .redirectErrorStream(true).start();
        assertTrue(tar.waitFor(120, TimeUnit.SECONDS) && tar.exitValue() == 0, new String(tar.getInputStream().readAllBytes()));
        t.cli.ok("import", "--change", "VOLUME /seed", dir.resolve("rootfs.tar").toString(), IMAGE);
    }

    @AfterEach
    void stop() throws Exception {
        if (t != null) {
            t.close();
        }
    }

    private String mounts(String container) throws Exception {
        return t.cli.ok("inspect", "--format", "{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}} {{.Driver}} {{.Name}};{{end}}", container);
    }

    @Test
    void anImageVolumeIsAnAnonymousVolumeWithTheImagesContentUntilRmV() throws Exception {
        t.cli.ok("run", "-d", "--name", "volumes-img1", IMAGE, "sh", "-c",
                "cat /seed/hello.txt; echo started >> /seed/starts; echo ==done; exec sleep 60");
        assertTrue(t.logsWith("volumes-img1", "==done").contains("from the image"));
        String name = t.cli.ok("inspect", "--format", "{{range .Mounts}}{{.Name}}{{end}}", "volumes-img1");
        assertEquals(64, name.length(), "an anonymous volume: " + mounts("volumes-img1"));
        assertEquals("volume /seed true local " + name + ";", mounts("volumes-img1"));
        Path data = t.root().resolve("volumes/" + name + "/_data");
        assertEquals(data.toString(), t.cli.ok("inspect", "--format", "{{range .Mounts}}{{.Source}}{{end}}", "volumes-img1"));
        assertEquals("from the image\n", Files.readString(data.resolve("hello.txt")), "copied up from the image");
        assertEquals(name, t.cli.ok("volume", "ls", "-q", "--filter", "label=com.docker.volume.anonymous"), "labelled anonymous");

        t.cli.ok("restart", "-t", "0", "volumes-img1");
        String again = t.logsWith("volumes-img1", "==done\nfrom the image\n==done");
        assertTrue(again.contains("==done\nfrom the image\n==done"), again);
        assertEquals("started\nstarted\n", Files.readString(data.resolve("starts")), "the same volume on the second start");

        t.cli.ok("rm", "-f", "-v", "volumes-img1");
        assertEquals("", t.cli.ok("volume", "ls", "-q", "--filter", "name=" + name), "rm -v removes it");
    }

    @Test
    void createRecordsTheMountsAndTheStartUsesThem() throws Exception {
        t.cli.ok("create", "--name", "volumes-img4", "-v", "volumes-named:/named", IMAGE, "sh", "-c", "ls /seed; echo ==done; exec sleep 60");
        String name = t.cli.ok("inspect", "--format", "{{range .Mounts}}{{if eq .Destination \"/seed\"}}{{.Name}}{{end}}{{end}}",
                "volumes-img4");
        assertEquals(64, name.length(), "Mounts right after create, as Docker's: " + mounts("volumes-img4"));
        assertEquals("volumes-named", t.cli.ok("volume", "ls", "-q", "--filter", "name=volumes-named"), "named volumes made at create");
        t.cli.ok("start", "volumes-img4");
        assertTrue(t.logsWith("volumes-img4", "==done").contains("hello.txt"), "copied up at the first start");
        assertEquals(name, t.cli.ok("inspect", "--format", "{{range .Mounts}}{{if eq .Destination \"/seed\"}}{{.Name}}{{end}}{{end}}",
                "volumes-img4"), "the start mounts the volume made at create");
        t.cli.ok("rm", "-f", "-v", "volumes-img4");
        assertEquals("", t.cli.ok("volume", "ls", "-q", "--filter", "name=" + name));
        t.cli.ok("volume", "rm", "volumes-named");
    }

    @Test
    void aBindOverThePathLeavesNoVolumeAndRunDashVPathMakesOne() throws Exception {
        Path host = Files.createDirectories(dir.resolve("host-seed"));
        t.cli.ok("run", "-d", "--name", "volumes-img2", "-v", host + ":/seed", IMAGE, "sh", "-c", "ls /seed; echo ==done; exec sleep 60");
        assertEquals("bind /seed true  ;", mounts("volumes-img2"));
        assertTrue(!t.logsWith("volumes-img2", "==done").contains("hello.txt"), "the bind hides the image's content");

        t.cli.ok("run", "-d", "--name", "volumes-img3", "-v", "/extra", "tiny:1", "sh", "-c", "echo x > /extra/f; echo ==done; exec sleep 60");
        t.logsWith("volumes-img3", "==done");
        String name = t.cli.ok("inspect", "--format", "{{range .Mounts}}{{.Name}}{{end}}", "volumes-img3");
        assertEquals("volume /extra true local " + name + ";", mounts("volumes-img3"));
        assertEquals("x\n", Files.readString(t.root().resolve("volumes/" + name + "/_data/f")));
        t.cli.ok("rm", "-f", "-v", "volumes-img2", "volumes-img3");
        assertEquals("", t.cli.ok("volume", "ls", "-q", "--filter", "name=" + name));
    }
}
