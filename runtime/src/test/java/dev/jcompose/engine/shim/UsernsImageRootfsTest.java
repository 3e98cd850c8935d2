package dev.jcompose.engine.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.NativeFs;
import dev.jcompose.engine.image.unpack.UnpackOptions;
import dev.jcompose.engine.lifecycle.BusyboxImage;
import dev.jcompose.engine.lifecycle.ImageRootfs;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image's overlay rootfs in a user namespace: the layers (host uid 0) are idmapped, so root owns the image inside. */
@Tag("root")
class UsernsImageRootfsTest {
    private static final NativeFs FS = new NativeFs();

    @TempDir
    Path dir;

    @Test
    void theImageIsOwnedByRootInsideAndWritesByTheMappedUidOutside() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: creates user namespaces and idmapped mounts");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox (Debian package busybox-static)");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        ImageStore store = ImageStore.open(dir.resolve("store"), new LayerUnpacker(FS, UnpackOptions.forCurrentUser(FS)));
        ImageRecord image = BusyboxImage.install(store, "userns-rootfs:latest");
        ImageRootfs rootfs = new ImageRootfs(store, image);
        Path containerDir = Files.createDirectories(dir.resolve("c"));
        // a top layer with an opaque /etc (trusted.overlay.opaque, as LayerUnpacker writes it): the overlay must honour it
        Path opaque = Files.createDirectories(dir.resolve("opaque-layer/etc"));
        Files.writeString(opaque.resolve("only"), "top\n");
        FS.setXattr(opaque, LayerUnpacker.OPAQUE_XATTR, "y".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String overlay = rootfs.overlayData(containerDir).replace("lowerdir=", "lowerdir=" + opaque.getParent() + ":");
        ShimSpec spec = new ShimSpec(containerDir.resolve("rootfs"), overlay, false, "usernsimg", null,
                List.of("sh", "-c", "ls -ln /bin/busybox; echo etc: $(ls /etc); echo made > /tmp/made; ls -ln /tmp/made; rm /etc/only && echo rm-ok; "
                        + "echo uid=$(id -u)"),
                List.of("PATH=/bin"), "/", 0, 0, List.of(), DockerDefaults.capabilities(List.of(), List.of(), false), false,
                DockerDefaults.mounts(0), List.of(), DockerDefaults.MASKED_PATHS, DockerDefaults.READONLY_PATHS, List.of(), null, true, null,
                dir.resolve("log.json"), dir.resolve("exit.json")).withUserns(UsernsShimTest.REMAP);
        Path file = dir.resolve("spec");
        ShimSpecWriter.write(spec, file);
        ShimProcess p = ShimProcess.start(ShimBinary.locate(dir.resolve("state")), file, dir.resolve("shim.err"));
        p.go();
        p.monitor().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        String log = Files.readString(dir.resolve("log.json"));
        assertEquals(0, ExitStatus.read(spec.exitFile()).orElseThrow().exitCode(), log);
        assertTrue(Pattern.compile("\"log\":\"-rwxr-xr-x +1 0 +0 .*/bin/busybox").matcher(log).find(), "root owns the image inside: " + log);
        assertTrue(Pattern.compile("\"log\":\"-rw-r--r-- +1 0 +0 .*/tmp/made").matcher(log).find(), log);
        assertTrue(log.contains("rm-ok") && log.contains("uid=0"), log);
        Path made = containerDir.resolve("upper/tmp/made");
        assertEquals(UsernsShimTest.HOST_ROOT, Files.getAttribute(made, "unix:uid", LinkOption.NOFOLLOW_LINKS), "on the host: the mapped uid");
        assertEquals(UsernsShimTest.HOST_ROOT + 7, Files.getAttribute(made, "unix:gid", LinkOption.NOFOLLOW_LINKS));
        // the layer itself is untouched: still host root's, shared with containers that are not remapped
        Path layerBusybox = rootfs.layerDirsBaseFirst().get(0).resolve("bin/busybox");
        assertEquals(0, Files.getAttribute(layerBusybox, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertTrue(log.contains("etc: hostname hosts only resolv.conf\\n") || log.contains("etc: only\\n"),
                "the opaque /etc of the top layer hides the image's /etc/passwd: " + log);
        assertTrue(Files.exists(opaque.resolve("only")), "rm inside leaves a whiteout in the upper dir only");
        assertTrue(Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().noneMatch(l -> l.contains(dir.toString())),
                "the idmapped layer mounts lived only in the container's mount namespace");
    }
}
