package dev.jcompose.engine.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers in a user namespace of their own through the real shim: maps, ownership from both sides, /dev, /sys, escapes. */
@Tag("root")
class UsernsShimTest {
    static final int HOST_ROOT = 231072;
    static final UserNamespace REMAP = UserNamespace.of(HOST_ROOT, HOST_ROOT + 7, 65536);

    @TempDir
    Path dir;
    private ShimRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: creates user namespaces and mounts");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox (Debian package busybox-static)");
        assumeTrue(Files.exists(Path.of("/proc/self/ns/user")), "needs user namespaces (CONFIG_USER_NS)");
        // the container's root is host uid 231072: the paths it walks must be searchable by others, as dockerd's 0711
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        runner = new ShimRunner(dir);
        // a plain-directory rootfs belongs to the container's root, as runc's userns tests prepare it (image layers are idmapped instead)
        BusyboxRootfs.chown(dir.resolve("rootfs"), HOST_ROOT, HOST_ROOT + 7);
    }

    @Test
    void theContainersRootIsTheMappedHostUid() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setAttribute(data, "unix:uid", HOST_ROOT);
        Path secret = Files.createDirectories(dir.resolve("secret"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(secret.resolve("f"), "host\n");
        ShimSpec base = runner.spec("cat /proc/self/uid_map /proc/self/gid_map; echo uid=$(id -u) gid=$(id -g); echo made > /data/made; "
                + "echo x > /dev/null && echo null-ok; echo zero=$(head -c 5 /dev/zero | wc -c) urandom=$(head -c 7 /dev/urandom | wc -c); "
                + "cat /secret/f || echo read-denied; echo evil > /secret/f || echo write-denied; touch /secret/new || echo create-denied; "
                + "echo nets=$(ls /sys/class/net); touch /sys/kernel/x || echo sys-ro; echo ready; sleep 30", 0);
        List<ShimSpec.Mount> mounts = new java.util.ArrayList<>(base.mounts());
        mounts.add(new ShimSpec.Mount("bind", data.toString(), "/data", List.of("rbind"), null));
        mounts.add(new ShimSpec.Mount("bind", secret.toString(), "/secret", List.of("rbind"), null));
        ShimSpec spec = new ShimSpec(base.root(), null, false, base.hostname(), null, base.args(), base.env(), "/", 0, 0, List.of(),
                base.capabilities(), false, mounts, List.of(), base.maskedPaths(), base.readonlyPaths(), List.of(), null, true, 321,
                base.logFile(), base.exitFile()).withUserns(REMAP);
        ShimProcess p = runner.start(spec);
        try {
            runner.awaitLog("ready");
            String status = Files.readString(Path.of("/proc/" + p.containerPid() + "/status"));
            assertTrue(status.contains("Uid:\t" + HOST_ROOT + "\t" + HOST_ROOT + "\t"), "the host sees the mapped uid: " + status);
            assertTrue(status.contains("Gid:\t" + (HOST_ROOT + 7) + "\t"), status);
            assertEquals("321", Files.readString(Path.of("/proc/" + p.containerPid() + "/oom_score_adj")).strip(),
                    "oom_score_adj, written by the shim from outside (the remapped root may not)");
            // exec joins the container's user namespace too: root inside, the mapped uid outside
            ShimExec.Result exec = ShimExec.run(ShimBinary.locate(dir.resolve("state")), p.containerPid(),
                    List.of("sh", "-c", "id -u; cat /proc/self/uid_map; grep Uid: /proc/$$/status; ls -n /data/made"), List.of("PATH=/bin"),
                    "/", 0, 0, spec.capabilities(), dir, java.time.Duration.ofSeconds(10));
            assertEquals(0, exec.exitCode(), exec.output());
            assertTrue(exec.output().startsWith("0\n"), exec.output());
            assertTrue(Pattern.compile(" +0 +" + HOST_ROOT + " +65536\n").matcher(exec.output()).find(), exec.output());
            assertTrue(Pattern.compile(" 0 +0 .*/data/made").matcher(exec.output()).find(), "owned by root inside: " + exec.output());
        } finally {
            ProcessHandle.of(p.containerPid()).ifPresent(ProcessHandle::destroyForcibly);
            runner.await(p, spec);
        }
        String log = runner.log();
        assertTrue(Pattern.compile("\"log\":\" +0 +" + HOST_ROOT + " +65536\\\\n\"").matcher(log).find(), "uid_map inside: " + log);
        assertTrue(Pattern.compile("\"log\":\" +0 +" + (HOST_ROOT + 7) + " +65536\\\\n\"").matcher(log).find(), "gid_map inside: " + log);
        assertTrue(log.contains("uid=0 gid=0"), log);
        assertEquals(HOST_ROOT, Files.getAttribute(data.resolve("made"), "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(HOST_ROOT + 7, Files.getAttribute(data.resolve("made"), "unix:gid", LinkOption.NOFOLLOW_LINKS));
        assertTrue(log.contains("null-ok"), log);
        assertTrue(log.contains("zero=5 urandom=7"), log);
        assertTrue(log.contains("read-denied") && log.contains("write-denied") && log.contains("create-denied"),
                "root inside is nobody to a host root-only directory: " + log);
        assertEquals("host\n", Files.readString(secret.resolve("f")));
        assertFalse(Files.exists(secret.resolve("new")));
        assertTrue(log.contains("nets=lo\\n"), "its own sysfs, of its own network namespace: " + log);
        assertTrue(log.contains("sys-ro"), log);
    }

    @Test
    void withoutANetworkNamespaceOfItsOwnTheHostsSysIsBoundReadOnly() throws Exception {
        // the link of the host's default route (stable, unlike the count: other tests add links meanwhile)
        String uplink = Files.readAllLines(Path.of("/proc/net/route")).stream().map(l -> l.split("\\s+"))
                .filter(f -> f.length > 1 && f[1].equals("00000000")).map(f -> f[0]).findFirst().orElse("lo");
        ShimSpec base = runner.spec("echo links: $(ls /sys/class/net); touch /sys/kernel/x || echo sys-ro; "
                + "touch /sys/fs/cgroup/pids/x 2>/dev/null || echo cgroup-ro", 0);
        ShimSpec spec = new ShimSpec(base.root(), null, false, base.hostname(), null, base.args(), base.env(), "/", 0, 0, List.of(),
                base.capabilities(), false, base.mounts(), List.of(), base.maskedPaths(), base.readonlyPaths(), List.of(), null, false,
                null, base.logFile(), base.exitFile()).withUserns(REMAP);
        assertEquals(0, runner.run(spec).exitCode(), runner.log());
        String log = runner.log();
        assertTrue(Pattern.compile("links:.* " + Pattern.quote(uplink) + "[ \\\\]").matcher(log).find(), "the host's " + uplink + ": " + log);
        assertTrue(log.contains("sys-ro") && log.contains("cgroup-ro"), log);
    }

    @Test
    void runcGivesTheSameUserNamespaceForTheSameSpec() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runc")), "needs runc (Debian package runc)");
        String script = "cat /proc/self/uid_map /proc/self/gid_map; id -u; echo x > /dev/null && echo null-ok; "
                + "head -c 3 /dev/urandom | wc -c; touch /sys/kernel/x 2>/dev/null || echo sys-ro; ls /sys/class/net";
        ShimSpec spec = runner.spec(script, 0).withUserns(REMAP);
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        OciConfigWriter.write(spec, bundle);
        Process runc = new ProcessBuilder("runc", "run", "--bundle", bundle.toString(), "jcompose-userns-" + ProcessHandle.current().pid())
                .redirectErrorStream(true).start();
        String out = new String(runc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(runc.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, runc.exitValue(), out);
        assertEquals(7, out.lines().count(), out);
        assertTrue(out.lines().toList().subList(2, 7).equals(List.of("0", "null-ok", "3", "sys-ro", "lo")), out);
        assertEquals(0, runner.run(spec).exitCode(), runner.log());
        String log = runner.log();
        for (String line : out.lines().toList()) {
            assertTrue(log.contains("\"log\":\"" + line + "\\n\""), line + " in " + log);
        }
    }

    @Test
    void aContainerJoinsTheNetworkNamespaceOfAnotherRemappedContainer() throws Exception {
        // container:<name> network mode: the netns belongs to the first container's user namespace, which the second's cannot
        // enter; the shim joins it before clone
        ShimSpec first = runner.spec("readlink /proc/self/ns/net; echo ready; sleep 30", 0).withUserns(REMAP);
        ShimProcess a = runner.start(first, "first");
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(first.logFile()).contains("ready") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Path netns = Path.of("/proc/" + a.containerPid() + "/ns/net");
            ShimSpec second = runner.spec("readlink /proc/self/ns/net; cat /proc/self/uid_map; echo ready; sleep 30", 0,
                    new ShimRunner.Settings(null, List.of(), List.of(), null, netns), "second-log.json").withUserns(REMAP);
            ShimProcess b = runner.start(second, "second");
            try {
                while (!Files.readString(second.logFile()).contains("ready") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")),
                        Files.readSymbolicLink(Path.of("/proc/" + b.monitor().pid() + "/ns/net")),
                        "the shim went back to the host's netns after clone: its monitor is not in the container's");
            } finally {
                ProcessHandle.of(b.containerPid()).ifPresent(ProcessHandle::destroyForcibly);
                runner.await(b, second);
            }
            String firstNet = Files.readString(first.logFile()).lines().filter(l -> l.contains("net:[")).findFirst().orElseThrow();
            String net = firstNet.substring(firstNet.indexOf("net:["), firstNet.indexOf(']') + 1);
            String log = Files.readString(second.logFile());
            assertTrue(log.contains(net), "the same netns " + net + ": " + log);
            assertTrue(Pattern.compile(" +0 +" + HOST_ROOT + " +65536").matcher(log).find(), log);
        } finally {
            ProcessHandle.of(a.containerPid()).ifPresent(ProcessHandle::destroyForcibly);
            runner.await(a, first);
        }
    }
}
