package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container mounts on real containers through the docker CLI: {@code --tmpfs} and
 * {@code --mount type=tmpfs} with size and mode, a bind with {@code :U} chowned to the container's
 * user, {@code --volumes-from} with {@code :ro}, and {@code --network container:NAME} sharing a netns.
 */
@Tag("root")
class MountsRootTest {
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
    void tmpfsWithSizeAndMode() throws Exception {
        t.run("network-tmp", "grep -E ' /(cache|m) ' /proc/mounts; ls -ld /cache /m; (cp /bin/busybox /cache/bb && /cache/bb true) 2>/dev/null"
                + " && echo exec-allowed || echo exec-denied", "--tmpfs", "/cache:size=4m,mode=1777", "--mount",
                "type=tmpfs,dst=/m,tmpfs-size=2097152,tmpfs-mode=0700");
        String out = t.output("network-tmp");
        assertTrue(out.matches("(?s).*tmpfs /cache tmpfs rw,nosuid,nodev,noexec,[^\\n]*size=4096k.*"), out);
        assertTrue(out.matches("(?s).*tmpfs /m tmpfs [^\\n]*size=2048k,mode=700.*"), out);
        assertTrue(out.contains("drwxrwxrwt") && out.contains("drwx------"), "modes 1777 (tmpfs hides its default) and 0700: " + out);
        assertTrue(out.contains("exec-denied"), "--tmpfs is noexec as Docker's: " + out);
    }

    @Test
    void bindWithUIsOwnedByTheContainersUser() throws Exception {
        Path data = Files.createDirectories(dir.resolve("owned"));
        Files.writeString(data.resolve("seed.txt"), "seed\n");
        t.run("network-owner", "id -u; echo mine > /data/new.txt && echo wrote", "--user", "nobody", "-v", data + ":/data:U");
        String out = t.output("network-owner");
        assertTrue(out.startsWith("65534") && out.contains("wrote"), out);
        assertEquals(65534, Files.getAttribute(data, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(65534, Files.getAttribute(data.resolve("seed.txt"), "unix:gid", LinkOption.NOFOLLOW_LINKS));
        assertEquals("mine\n", Files.readString(data.resolve("new.txt")));
    }

    @Test
    void volumesFromAndContainerNetworkMode() throws Exception {
        t.cli.ok("network", "create", "--subnet", "10.213.16.0/24", "network-share");
        t.run("network-owner", "echo shared > /shared/file; ip -4 addr show eth0", "--network", "network-share", "-v",
                "network-sharedvol:/shared");
        String ownerOut = t.output("network-owner");
        String ip = t.ip("network-owner", "network-share");
        assertTrue(ownerOut.contains("inet " + ip + "/24"), ownerOut);

        t.run("network-guest", "cat /shared/file; (echo x > /shared/other) 2>/dev/null && echo writable || echo read-only;"
                + " ip -4 addr show eth0", "--volumes-from", "network-owner:ro", "--network", "container:network-owner");
        String out = t.output("network-guest");
        assertTrue(out.contains("shared\n") || out.startsWith("shared"), out);
        assertTrue(out.contains("read-only"), ":ro makes the shared volume read-only: " + out);
        assertTrue(out.contains("inet " + ip + "/24"), "container:network-owner shares its netns: " + out);

        t.run("network-guest2", "(echo y > /shared/other2) && echo writable", "--volumes-from", "network-owner");
        assertTrue(t.output("network-guest2").contains("writable"), "without a mode the volume keeps its own (rw)");
    }
}
