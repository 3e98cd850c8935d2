package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.api.DockerCli.Result;
import dev.jcompose.engine.shim.UserNamespace;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine with dockerd's --userns-remap (an explicit range), driven by the real docker CLI. */
@Tag("root")
class UsernsRemapRootTest {
    private static final int HOST_ROOT = 362144;

    @TempDir
    Path dir;
    private DockerCliEngine e;

    @BeforeEach
    void setUp() throws Exception {
        // the remapped root walks the state directories to its rootfs and binds: searchable by others, as dockerd's 0711
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        // state directories a umask of 077 made: the engine makes them searchable for the remapped root
        for (String d : new String[] {"root/containers", "root/volumes", "root"}) {
            Files.createDirectories(dir.resolve(d));
            Files.setPosixFilePermissions(dir.resolve(d), PosixFilePermissions.fromString("rwx------"));
        }
        e = DockerCliEngine.start(dir, "busybox-userns:latest", UserNamespace.of(HOST_ROOT, HOST_ROOT, 65536));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (e != null) {
            e.close();
        }
    }

    private long hostUid(String container) throws Exception {
        String pid = e.cli().ok("inspect", "-f", "{{.State.Pid}}", container).strip();
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        java.util.regex.Matcher m = Pattern.compile("Uid:\\t(\\d+)\\t").matcher(status);
        assertTrue(m.find(), status);
        return Long.parseLong(m.group(1));
    }

    @Test
    void containersRunAsTheRemappedRootUnlessUsernsModeIsHost() throws Exception {
        assertTrue(e.cli().ok("info", "--format", "{{json .SecurityOptions}}").contains("name=userns"), "docker info lists userns");
        e.cli().ok("run", "-d", "--name", "userns-remapped", "--network", "none", "busybox-userns", "sleep", "60");
        assertEquals(HOST_ROOT, hostUid("userns-remapped"), "the host sees the remapped uid");
        assertEquals("0", e.cli().ok("exec", "userns-remapped", "id", "-u").strip(), "root inside, through exec too");
        assertTrue(Pattern.compile("^0 +" + HOST_ROOT + " +65536$").matcher(e.cli().ok("exec", "userns-remapped", "cat", "/proc/self/uid_map")
                .strip()).find(), "exec joins the container's user namespace");
        assertTrue(Pattern.compile("^-rwxr-xr-x +1 0 +0 ").matcher(e.cli().ok("exec", "userns-remapped", "ls", "-ln", "/bin/busybox")).find(),
                "the image's files belong to root inside (idmapped layers)");

        assertTrue(Pattern.compile("^-rw-r--r-- +1 0 +0 ").matcher(e.cli().ok("exec", "userns-remapped", "ls", "-ln", "/etc/hosts")).find(),
                "the engine's /etc files belong to root inside too");
        e.cli().ok("exec", "userns-remapped", "sh", "-c", "echo 10.9.9.9 extra >> /etc/hosts");
        // docker cp shifts owners: in, root's files become the remapped root's; out, they are root's again
        Path in = Files.writeString(dir.resolve("cpin"), "copied\n");
        e.cli().ok("cp", in.toString(), "userns-remapped:/tmp/cpin");
        assertTrue(Pattern.compile("^-rw-r--r-- +1 0 +0 ").matcher(e.cli().ok("exec", "userns-remapped", "ls", "-ln", "/tmp/cpin")).find(),
                "copied in as root inside");
        String tar = e.cli().ok("cp", "userns-remapped:/etc/passwd", "-");
        assertEquals("0000000", tar.substring(108, 115), "the tar's uid is the container's (0), not the host's: " + tar.substring(100, 124));
        // restarted: the same mapping, and what it wrote in its upper dir is still its own
        e.cli().ok("exec", "userns-remapped", "sh", "-c", "echo kept > /tmp/kept");
        e.cli().ok("restart", "-t", "1", "userns-remapped");
        assertEquals(HOST_ROOT, hostUid("userns-remapped"));
        assertEquals("kept", e.cli().ok("exec", "userns-remapped", "cat", "/tmp/kept").strip());
        assertTrue(Pattern.compile("^-rw-r--r-- +1 0 +0 ").matcher(e.cli().ok("exec", "userns-remapped", "ls", "-ln", "/tmp/kept")).find());
        assertEquals("0 2", e.cli().ok("run", "--rm", "--init", "--network", "none", "busybox-userns", "sh", "-c", "echo $(id -u) $$").strip(),
                "--init: the shim is PID 1 in the userns, the command its child");
        assertEquals("1000", e.cli().ok("run", "--rm", "--user", "1000", "--network", "none", "busybox-userns", "id", "-u").strip());
        Result ro = e.cli().run("run", "--rm", "--read-only", "--network", "none", "busybox-userns", "sh", "-c", "touch /x || echo ro");
        assertTrue(ro.out().contains("ro"), ro.toString());

        e.cli().ok("run", "-d", "--name", "userns-host", "--userns", "host", "--network", "none", "busybox-userns", "sleep", "60");
        assertEquals(0, hostUid("userns-host"), "UsernsMode host: not remapped");
        assertEquals("host", e.cli().ok("inspect", "-f", "{{.HostConfig.UsernsMode}}", "userns-host").strip());
        e.cli().ok("rm", "-f", "userns-remapped", "userns-host");

        // what dockerd refuses while remapping, unless --userns host
        Result privileged = e.cli().run("create", "--privileged", "busybox-userns", "true");
        assertEquals(1, privileged.code(), privileged.toString());
        assertTrue(privileged.err().contains("privileged mode is incompatible with user namespaces.  You must run the container in the host "
                + "namespace when running privileged mode"), privileged.toString());
        Result hostNet = e.cli().run("create", "--network", "host", "busybox-userns", "true");
        assertTrue(hostNet.err().contains("cannot share the host's network namespace when user namespaces are enabled"), hostNet.toString());
        assertEquals("0", e.cli().ok("run", "--rm", "--privileged", "--userns", "host", "--network", "none", "busybox-userns", "id", "-u")
                .strip());
    }

    @Test
    void namedVolumesBelongToTheRemappedRoot() throws Exception {
        e.cli().ok("run", "--rm", "--network", "none", "-v", "userns-vol:/data", "busybox-userns", "sh", "-c", "echo hi > /data/f");
        Path data = Path.of(e.cli().ok("volume", "inspect", "-f", "{{.Mountpoint}}", "userns-vol").strip());
        assertEquals(HOST_ROOT, Files.getAttribute(data, "unix:uid", LinkOption.NOFOLLOW_LINKS), "the volume's root directory");
        assertEquals(HOST_ROOT, Files.getAttribute(data.resolve("f"), "unix:uid", LinkOption.NOFOLLOW_LINKS), "what the container wrote");
        assertEquals("hi\n", Files.readString(data.resolve("f")));
    }

    @Test
    void theDefaultNetworkAndExecUnderATtyWorkInTheUserNamespace() throws Exception {
        // the engine sets up the bridge endpoint in a netns the container's user namespace owns
        e.cli().ok("run", "-d", "--name", "userns-net", "-t", "busybox-userns", "sleep", "60");
        String addr = e.cli().ok("exec", "userns-net", "ip", "-4", "addr", "show", "eth0");
        assertTrue(addr.contains("inet "), addr);
        Result tty = e.cli().runInPty(24, 80, "", "exec", "-it", "userns-net", "sh", "-c", "id -u; tty");
        assertEquals(0, tty.code(), tty.toString());
        assertTrue(tty.out().contains("0") && tty.out().contains("/dev/pts/"), tty.toString());
        assertEquals(HOST_ROOT, hostUid("userns-net"));
        e.cli().ok("rm", "-f", "userns-net");
    }

    @Test
    void healthChecksRunInTheUserNamespace() throws Exception {
        // the probe runs through exec: it must join the container's user namespace, where it is root
        e.cli().ok("run", "-d", "--name", "userns-health", "--network", "none", "--health-cmd", "test \"$(id -u)\" = 0",
                "--health-interval", "1s", "busybox-userns", "sleep", "60");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String status = "";
        while (System.nanoTime() < deadline && !(status = e.cli().ok("inspect", "-f", "{{.State.Health.Status}}", "userns-health").strip())
                .equals("healthy")) {
            Thread.sleep(200);
        }
        assertEquals("healthy", status, e.cli().ok("inspect", "-f", "{{json .State.Health}}", "userns-health"));
        e.cli().ok("rm", "-f", "userns-health");
    }
}
