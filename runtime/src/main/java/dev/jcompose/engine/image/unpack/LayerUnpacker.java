package dev.jcompose.engine.image.unpack;

import dev.jcompose.engine.image.ref.DigestingInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies one image layer (a tar stream, plain, gzip or zstd) to a directory, as an overlayfs
 * lower dir: OCI whiteouts {@code .wh.NAME} become 0/0 character devices, opaque markers
 * {@code .wh..wh..opq} become the {@code trusted.overlay.opaque=y} xattr on their directory.
 * Files, dirs, symlinks, hardlinks, devices and fifos are created with ownership, all mode bits,
 * mtimes (directories last, after their content) and PAX {@code SCHILY.xattr.*} attributes.
 * <p>
 * No entry writes outside the directory: names are cleaned and resolved by {@link LayerRoot},
 * an existing entry is replaced (never written through), hardlinks may only point at files of the
 * same layer. A hostile entry fails the whole layer with the entry named; the caller discards the
 * half-written directory.
 * <p>
 * Decompression and hashing run on a {@link ReadAhead} thread, in parallel with tar parsing and
 * file creation on the caller's.
 */
public final class LayerUnpacker {
    public static final String WHITEOUT_PREFIX = ".wh.";
    public static final String OPAQUE_MARKER = ".wh..wh..opq";
    public static final String OPAQUE_XATTR = "trusted.overlay.opaque";
    private static final String XATTR_PAX_PREFIX = "SCHILY.xattr.";
    private static final int BUFFER = 128 * 1024;

    private final NativeFs fs;
    private final UnpackOptions options;

    public LayerUnpacker(NativeFs fs, UnpackOptions options) {
        this.fs = fs;
        this.options = options;
    }

    /**
     * Unpacks {@code layer} into {@code dir} (created if missing).
     *
     * @param layerName how errors name the layer, usually its digest
     */
    public UnpackResult unpack(String layerName, InputStream layer, Path dir) {
        try {
            Files.createDirectories(dir);
            BufferedInputStream buffered = new BufferedInputStream(layer, BUFFER);
            Compression compression = Compression.detect(buffered);
            DigestingInputStream tarBytes = new DigestingInputStream(compression.open(buffered));
            Run run = new Run(new LayerRoot(dir));
            try (ReadAhead inflated = ReadAhead.start(tarBytes, "layer-inflate")) {
                TarArchiveInputStream tar = new TarArchiveInputStream(inflated, BUFFER / 512 * 512);
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    run.apply(e, tar);
                }
                inflated.finish();
            }
            run.finishDirectories();
            return new UnpackResult(tarBytes.digest(), tarBytes.count(), run.entries, run.skippedDevices);
        } catch (LayerRoot.EscapeException e) {
            throw new LayerException("layer " + layerName + ": entry \"" + e.entry + "\" escapes the layer root");
        } catch (LayerException e) {
            throw new LayerException("layer " + layerName + ": " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new LayerException("layer " + layerName + ": unpacking into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The state of one unpack: directories whose mode and times are applied at the end. */
    private final class Run {
        private final LayerRoot root;
        private final List<TarArchiveEntry> dirEntries = new ArrayList<>();
        private final List<Path> dirPaths = new ArrayList<>();
        private final byte[] buffer = new byte[BUFFER];
        long entries;
        long skippedDevices;

        Run(LayerRoot root) {
            this.root = root;
        }

        void apply(TarArchiveEntry e, InputStream content) throws IOException {
            entries++;
            String name = e.getName();
            List<String> parts = root.clean(name, name);
            String base = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
            if (base.startsWith(WHITEOUT_PREFIX)) {
                whiteout(e, name, base);
                return;
            }
            Path target = root.resolve(name, true);
            BasicFileAttributes existing = LayerRoot.attrs(target);
            if (existing != null && !(existing.isDirectory() && e.isDirectory())) {
                if (target.equals(root.root())) {
                    throw new LayerException("entry \"" + name + "\" would replace the layer root");
                }
                root.forget();
                FileTrees.deleteRecursively(target);
            }
            if (e.isDirectory()) {
                if (existing == null || !existing.isDirectory()) {
                    Files.createDirectory(target);
                }
                owner(e, target);
                xattrs(e, target);
                dirEntries.add(e);
                dirPaths.add(target);
                return;
            }
            if (e.isSymbolicLink()) {
                Files.createSymbolicLink(target, Path.of(e.getLinkName()));
            } else if (e.isLink()) {
                hardlink(e, name, target);
                return;
            } else if (e.isCharacterDevice() || e.isBlockDevice()) {
                if (!options.devices()) {
                    skippedDevices++;
                    return;
                }
                int type = e.isCharacterDevice() ? NativeFs.S_IFCHR : NativeFs.S_IFBLK;
                fs.mknod(target, type, e.getMode(), e.getDevMajor(), e.getDevMinor());
            } else if (e.isFIFO()) {
                fs.mknod(target, NativeFs.S_IFIFO, e.getMode(), 0, 0);
            } else if (e.isFile()) {
                writeFile(target, content);
            } else {
                throw new LayerException("entry \"" + name + "\": unsupported tar entry type '" + (char) typeFlag(e) + "'");
            }
            owner(e, target);
            if (!e.isSymbolicLink()) {
                fs.chmod(target, e.getMode());
            }
            xattrs(e, target);
            times(e, target);
        }

        private void whiteout(TarArchiveEntry e, String name, String base) throws IOException {
            Path marker = root.resolve(name, true);
            Path dir = marker.getParent();
            if (base.equals(OPAQUE_MARKER)) {
                fs.setXattr(dir, OPAQUE_XATTR, "y".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
                return; // aufs bookkeeping (.wh..wh.plnk and the like); nothing to apply
            }
            String hidden = base.substring(WHITEOUT_PREFIX.length());
            if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
                throw new LayerException("entry \"" + name + "\": invalid whiteout name");
            }
            Path target = dir.resolve(hidden);
            root.forget();
            FileTrees.deleteRecursively(target);
            fs.mknod(target, NativeFs.S_IFCHR, 0, 0, 0);
            owner(e, target);
        }

        private void hardlink(TarArchiveEntry e, String name, Path target) throws IOException {
            Path source;
            try {
                source = root.resolve(e.getLinkName(), false);
            } catch (LayerRoot.EscapeException x) {
                throw new LayerException("entry \"" + name + "\" links to \"" + e.getLinkName() + "\", which escapes the layer root");
            } catch (LayerException x) {
                throw new LayerException("entry \"" + name + "\" links to \"" + e.getLinkName() + "\", which is not in this layer", x);
            }
            BasicFileAttributes a = LayerRoot.attrs(source);
            if (a == null) {
                throw new LayerException("entry \"" + name + "\" links to \"" + e.getLinkName() + "\", which is not in this layer");
            }
            if (a.isDirectory()) {
                throw new LayerException("entry \"" + name + "\" is a hardlink to the directory \"" + e.getLinkName() + "\"");
            }
            Files.createLink(target, source);
        }

        private void writeFile(Path target, InputStream content) throws IOException {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                int n;
                while ((n = content.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            }
        }

        private void owner(TarArchiveEntry e, Path target) throws IOException {
            if (options.ownership()) {
                fs.lchown(target, (int) e.getLongUserId(), (int) e.getLongGroupId());
            }
        }

        private void xattrs(TarArchiveEntry e, Path target) throws IOException {
            for (Map.Entry<String, String> h : e.getExtraPaxHeaders().entrySet()) {
                if (h.getKey().startsWith(XATTR_PAX_PREFIX)) {
                    String attr = h.getKey().substring(XATTR_PAX_PREFIX.length());
                    fs.setXattr(target, attr, h.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        private void times(TarArchiveEntry e, Path target) throws IOException {
            FileTime m = e.getLastModifiedTime();
            if (m == null) {
                return;
            }
            java.time.Instant t = m.toInstant();
            fs.setTimes(target, t.getEpochSecond(), t.getNano(), t.getEpochSecond(), t.getNano());
        }

        /** Modes and mtimes of directories, applied after all their content was written (deepest first). */
        void finishDirectories() throws IOException {
            for (int i = dirEntries.size() - 1; i >= 0; i--) {
                Path p = dirPaths.get(i);
                BasicFileAttributes a = LayerRoot.attrs(p);
                if (a == null || !a.isDirectory()) {
                    continue; // replaced by a later entry
                }
                fs.chmod(p, dirEntries.get(i).getMode());
                times(dirEntries.get(i), p);
            }
        }

        private int typeFlag(TarArchiveEntry e) {
            return e.isGlobalPaxHeader() ? 'g' : e.isPaxHeader() ? 'x' : e.isSparse() ? 'S' : '?';
        }
    }
}
