package dev.jcompose.cli.e2e;

import dev.jcompose.engine.image.manifest.MediaTypes;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerInfo;
import dev.jcompose.engine.image.store.LayerRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Stand-ins for the images docker/compose's e2e fixtures name ({@code alpine}, {@code busybox},
 * {@code nginx}), which these machines cannot pull: Debian's static busybox with every applet it
 * has (so {@code ash}, {@code ping}, {@code tail}, {@code top}, {@code httpd}, {@code nc} exist as in
 * alpine), as one layer put into the engine's store as a pull would.
 *
 * <p>{@code alpine}, {@code busybox} and {@code bash} (a shell only: busybox has no bash) run {@code sh} by default, as theirs do. The {@code nginx}
 * stand-in serves {@code /usr/share/nginx/html} on port 80 with busybox's {@code httpd}, exposes
 * {@code 80/tcp} and stops on {@code SIGQUIT} as nginx's image does; it is not nginx (no nginx.conf,
 * no {@code nginx} binary, and its command is a shell).
 */
final class E2eImages {
    static final List<String> SHELL_TAGS = List.of("docker.io/library/alpine:latest", "docker.io/library/busybox:latest",
            "docker.io/library/bash:latest");
    static final List<String> NGINX_TAGS = List.of("docker.io/library/nginx:latest", "docker.io/library/nginx:alpine");

    private E2eImages() {
    }

    /** Installs the alpine/busybox and nginx stand-ins under the names the fixtures use. */
    static void installAll(ImageStore store) throws IOException, InterruptedException {
        byte[] layer = rootfs(applets(), elsewhere());
        install(store, layer, SHELL_TAGS, "\"Cmd\":[\"/bin/sh\"],\"Env\":[\"PATH=/usr/sbin:/usr/bin:/sbin:/bin\"]");
        // nginx exits on SIGQUIT/SIGTERM as PID 1; busybox httpd installs no handler (so PID 1 would ignore
        // them): a shell that traps both stands in front of it
        install(store, layer, NGINX_TAGS, "\"Cmd\":[\"/bin/sh\",\"-c\",\"trap 'exit 0' TERM QUIT INT; httpd -f -p 80 -h /usr/share/nginx/html & wait\"],"
                + "\"Env\":[\"PATH=/usr/sbin:/usr/bin:/sbin:/bin\"],\"ExposedPorts\":{\"80/tcp\":{}},\"StopSignal\":\"SIGQUIT\"");
    }

    /** The nginx stand-in under {@code tag} with {@code VOLUME}s at {@code volumes} (as an image's Config.Volumes). */
    static void installNginxWithVolumes(ImageStore store, String tag, String... volumes) throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder();
        for (String v : volumes) {
            json.append(json.length() == 0 ? "" : ",").append('"').append(v).append("\":{}");
        }
        install(store, rootfs(applets(), elsewhere()), List.of(tag), "\"Cmd\":[\"/bin/sh\"],\"Env\":[\"PATH=/usr/sbin:/usr/bin:/sbin:/bin\"],"
                + "\"Volumes\":{" + json + "}");
    }

    private static List<String> applets() throws IOException, InterruptedException {
        return busybox("--list").stream().filter(a -> !a.equals("busybox") && !a.contains("/")).toList();
    }

    /**
     * Where alpine has the applets outside {@code /bin} ({@code /usr/bin/env}, {@code /sbin/ip} …):
     * busybox's own install paths, linked there as well.
     */
    private static List<String> elsewhere() throws IOException, InterruptedException {
        return busybox("--list-full").stream().filter(a -> !a.startsWith("bin/") && a.indexOf('/') > 0).toList();
    }

    private static List<String> busybox(String list) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/busybox", list).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("/bin/busybox " + list + " failed: " + out);
        }
        return out.lines().map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    private static byte[] rootfs(List<String> applets, List<String> elsewhere) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String d : List.of("bin/", "sbin/", "etc/", "tmp/", "root/", "usr/", "usr/bin/", "usr/sbin/", "usr/share/", "usr/share/nginx/", "usr/share/nginx/html/")) {
                dir(out, d, d.equals("tmp/") ? 01777 : 0755);
            }
            byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
            TarArchiveEntry bb = new TarArchiveEntry("bin/busybox");
            bb.setMode(0755);
            bb.setSize(busybox.length);
            out.putArchiveEntry(bb);
            out.write(busybox);
            out.closeArchiveEntry();
            for (String a : applets) {
                TarArchiveEntry l = new TarArchiveEntry("bin/" + a, TarArchiveEntry.LF_SYMLINK);
                l.setLinkName("busybox");
                out.putArchiveEntry(l);
                out.closeArchiveEntry();
            }
            for (String path : elsewhere) {
                TarArchiveEntry l = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
                l.setLinkName("/bin/busybox");
                out.putArchiveEntry(l);
                out.closeArchiveEntry();
            }
            file(out, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
            file(out, "etc/group", "root:x:0:\nnogroup:x:65534:\n");
            // alpine's musl reads /etc/hosts before asking DNS; glibc (the static busybox) asks DNS first without this
            file(out, "etc/nsswitch.conf", "hosts: files dns\n");
            file(out, "usr/share/nginx/html/index.html", "<h1>Welcome to nginx!</h1>\n");
        }
        return tar.toByteArray();
    }

    private static void install(ImageStore store, byte[] plain, List<String> tags, String config) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(plain);
        }
        byte[] blob = gz.toByteArray();
        Digest blobDigest = Digest.of(blob);
        store.blobs().put(blobDigest, blob.length, new ByteArrayInputStream(blob), null);
        Digest diffId = Digest.of(plain);
        LayerInfo layer = store.layers().unpack(null, diffId, blobDigest.toString(), store.blobs().open(blobDigest));
        String json = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId
                + "\"]},\"config\":{" + config + "}}";
        Digest configDigest = store.blobs().putBytes(json.getBytes(StandardCharsets.UTF_8));
        Digest manifest = store.blobs().putBytes(("{\"config\":\"" + configDigest + "\"}").getBytes(StandardCharsets.UTF_8));
        store.commit(new ImageRecord(configDigest, tags, List.of(), manifest, MediaTypes.OCI_MANIFEST, null, "linux/amd64",
                List.of(new LayerRecord(blobDigest, MediaTypes.OCI_LAYER_GZIP, blob.length, diffId, layer.chainId())), "", layer.size()));
    }

    private static void dir(TarArchiveOutputStream out, String name, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(040000 | mode);
        out.putArchiveEntry(e);
        out.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream out, String name, String content) throws IOException {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(0644);
        e.setSize(b.length);
        out.putArchiveEntry(e);
        out.write(b);
        out.closeArchiveEntry();
    }
}
