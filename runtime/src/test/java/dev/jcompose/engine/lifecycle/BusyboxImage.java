package dev.jcompose.engine.lifecycle;

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
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Puts a one-layer busybox image (Debian's static busybox) into a real store, as a pull would. */
public final class BusyboxImage {
    private static final List<String> APPLETS = List.of("sh", "echo", "cat", "ls", "id", "hostname", "sleep", "true", "env", "pwd", "nc", "ip", "nslookup", "mount", "unshare", "mknod", "head", "grep");

    private BusyboxImage() {
    }

    public static ImageRecord install(ImageStore store, String tag) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            dir(out, "bin/");
            dir(out, "etc/");
            dir(out, "tmp/");
            byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
            TarArchiveEntry bb = new TarArchiveEntry("bin/busybox");
            bb.setMode(0755);
            bb.setSize(busybox.length);
            out.putArchiveEntry(bb);
            out.write(busybox);
            out.closeArchiveEntry();
            for (String a : APPLETS) {
                TarArchiveEntry l = new TarArchiveEntry("bin/" + a, TarArchiveEntry.LF_SYMLINK);
                l.setLinkName("busybox");
                out.putArchiveEntry(l);
                out.closeArchiveEntry();
            }
            file(out, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
            file(out, "etc/group", "root:x:0:\nnogroup:x:65534:\n");
        }
        byte[] plain = tar.toByteArray();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(plain);
        }
        byte[] blob = gz.toByteArray();
        Digest blobDigest = Digest.of(blob);
        store.blobs().put(blobDigest, blob.length, new ByteArrayInputStream(blob), null);
        Digest diffId = Digest.of(plain);
        LayerInfo layer = store.layers().unpack(null, diffId, blobDigest.toString(), store.blobs().open(blobDigest));
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId
                + "\"]},\"config\":{\"Cmd\":[\"sh\"],\"Env\":[\"PATH=/bin\"]}}";
        Digest configDigest = store.blobs().putBytes(config.getBytes(StandardCharsets.UTF_8));
        Digest manifest = store.blobs().putBytes(("{\"config\":\"" + configDigest + "\"}").getBytes(StandardCharsets.UTF_8));
        return store.commit(new ImageRecord(configDigest, List.of(tag), List.of(), manifest, MediaTypes.OCI_MANIFEST, null,
                "linux/amd64", List.of(new LayerRecord(blobDigest, MediaTypes.OCI_LAYER_GZIP, blob.length, diffId, layer.chainId())),
                "", layer.size()));
    }

    private static void dir(TarArchiveOutputStream out, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(040755);
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
