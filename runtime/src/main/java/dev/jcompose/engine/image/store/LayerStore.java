package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.unpack.FileTrees;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.UnpackResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Unpacked layers, one directory per chain ID:
 * <pre>
 * layers/&lt;chain hex&gt;/diff/      the layer's files (an overlayfs lower dir)
 *                    diff-id    parent    size    link    (metadata, one value each)
 *                    complete   (written last: without it the directory does not count)
 * l/&lt;LINK&gt; → ../layers/&lt;chain hex&gt;/diff   (26-character names keep overlay's mount options short)
 * </pre>
 * A layer is unpacked into {@code tmp/} and renamed into {@code layers/} only when complete, so a
 * crash leaves at worst a temp directory that {@link #recover()} removes.
 */
public final class LayerStore {
    private static final String LINK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int LINK_LENGTH = 26;
    private final Path dir;
    private final Path links;
    private final Path tmp;
    private final LayerUnpacker unpacker;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<Digest, Object> locks = new ConcurrentHashMap<>();

    LayerStore(Path dir, Path links, Path tmp, LayerUnpacker unpacker) throws IOException {
        this.dir = dir;
        this.links = links;
        this.tmp = tmp;
        this.unpacker = unpacker;
        Files.createDirectories(dir);
        Files.createDirectories(links);
    }

    private Path layerDir(Digest chainId) {
        return dir.resolve(chainId.hex());
    }

    public boolean has(Digest chainId) {
        return Files.isRegularFile(layerDir(chainId).resolve("complete"));
    }

    public Optional<LayerInfo> get(Digest chainId) throws IOException {
        if (!has(chainId)) {
            return Optional.empty();
        }
        Path d = layerDir(chainId);
        String parent = read(d, "parent");
        return Optional.of(new LayerInfo(chainId, Digest.parse(read(d, "diff-id")), parent.isEmpty() ? null : Digest.parse(parent),
                d.resolve("diff"), read(d, "link"), Long.parseLong(read(d, "size"))));
    }

    /** A check run after a layer was unpacked and before it is recorded; it throws to discard the layer. */
    @FunctionalInterface
    public interface BeforeRecord {
        void check() throws IOException;

        BeforeRecord NONE = () -> { };
    }

    /**
     * Unpacks a layer onto {@code parent} (already in the store, or null for a base layer) unless its
     * chain ID is already there. The stream's uncompressed digest must equal {@code diffId}.
     *
     * @throws DigestMismatchException when the uncompressed content is not {@code diffId}
     */
    public LayerInfo unpack(Digest parent, Digest diffId, String layerName, InputStream compressed) throws IOException {
        return unpack(parent, diffId, layerName, compressed, true, BeforeRecord.NONE);
    }

    /**
     * Unpacks a layer of a stack whose other layers may still be arriving: a layer's directory does
     * not depend on its parent's content, so a pull unpacks every layer as its blob comes in, in any
     * order. {@code beforeRecord} runs after the unpack and the {@code diffId} check and before the
     * layer counts (a pull verifies the compressed blob's digest there). A chain whose parent is
     * missing is usable only once the parent is there; image records are committed after all are.
     * When the layer is already in the store, nothing is read and {@code beforeRecord} is not run.
     */
    public LayerInfo unpackUnordered(Digest parent, Digest diffId, String layerName, InputStream compressed, BeforeRecord beforeRecord)
            throws IOException {
        return unpack(parent, diffId, layerName, compressed, false, beforeRecord);
    }

    private LayerInfo unpack(Digest parent, Digest diffId, String layerName, InputStream compressed, boolean parentFirst,
                             BeforeRecord beforeRecord) throws IOException {
        Digest chainId = ChainId.next(parent, diffId);
        synchronized (locks.computeIfAbsent(chainId, k -> new Object())) {
            Optional<LayerInfo> existing = get(chainId);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (parentFirst && parent != null && !has(parent)) {
                throw new StoreException("unpacking layer " + layerName + ": its parent layer " + parent + " is not in the store");
            }
            Path work = Files.createTempDirectory(tmp, "layer-" + chainId.shortHex() + "-");
            try {
                UnpackResult r = unpacker.unpack(layerName, compressed, work.resolve("diff"));
                if (!r.diffId().equals(diffId)) {
                    throw new DigestMismatchException("layer " + layerName + ": uncompressed content has digest " + r.diffId()
                            + ", the image config expects " + diffId, diffId);
                }
                beforeRecord.check();
                String link = newLink();
                write(work, "diff-id", diffId.toString());
                write(work, "parent", parent == null ? "" : parent.toString());
                write(work, "size", Long.toString(r.tarBytes()));
                write(work, "link", link);
                Files.createSymbolicLink(links.resolve(link), Path.of("..", dir.getFileName().toString(), chainId.hex(), "diff"));
                write(work, "complete", "");
                Files.move(work, layerDir(chainId), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return get(chainId).orElseThrow();
            } finally {
                FileTrees.deleteRecursively(work);
            }
        }
    }

    /**
     * The overlayfs {@code lowerdir} entries for a stack, topmost first, as paths relative to the
     * store root ({@code l/ABC…}); mount with the store root as working directory to keep them short.
     */
    public List<String> lowerDirs(Digest topChainId) throws IOException {
        List<String> out = new ArrayList<>();
        Digest cur = topChainId;
        while (cur != null) {
            LayerInfo info = get(cur).orElseThrow(() -> new StoreException("layer " + topChainId + " is incomplete in the store"));
            out.add(links.getFileName() + "/" + info.link());
            cur = info.parent();
        }
        return out;
    }

    /** Removes a layer (its directory and short link); returns the bytes it accounted for. */
    public long remove(Digest chainId) throws IOException {
        synchronized (locks.computeIfAbsent(chainId, k -> new Object())) {
            Path d = layerDir(chainId);
            if (!Files.isDirectory(d)) {
                return 0;
            }
            long size = 0;
            String link = "";
            try {
                size = Long.parseLong(read(d, "size"));
                link = read(d, "link");
            } catch (IOException | NumberFormatException e) {
                // incomplete metadata; the directory goes anyway
            }
            // first make it not count (remove the marker, move it away), then delete at leisure
            Files.deleteIfExists(d.resolve("complete"));
            Path trash = tmp.resolve("removing-" + chainId.hex());
            Files.move(d, trash, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            if (!link.isEmpty()) {
                Files.deleteIfExists(links.resolve(link));
            }
            FileTrees.deleteRecursively(trash);
            return size;
        }
    }

    /** Chain IDs of all complete layers. */
    public SortedSet<Digest> list() throws IOException {
        SortedSet<Digest> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches("[a-f0-9]{64}")).map(Digest::ofHex)
                    .filter(this::has).forEach(out::add);
        }
        return out;
    }

    /** Removes layer directories without their completion marker and short links that point nowhere. */
    void recover() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (!Files.isRegularFile(p.resolve("complete"))) {
                    FileTrees.deleteRecursively(p);
                }
            }
        }
        try (Stream<Path> s = Files.list(links)) {
            for (Path l : s.toList()) {
                if (!Files.exists(l)) {
                    Files.deleteIfExists(l);
                }
            }
        }
    }

    private String newLink() {
        while (true) {
            StringBuilder b = new StringBuilder(LINK_LENGTH);
            for (int i = 0; i < LINK_LENGTH; i++) {
                b.append(LINK_ALPHABET.charAt(random.nextInt(LINK_ALPHABET.length())));
            }
            if (!Files.exists(links.resolve(b.toString()), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return b.toString();
            }
        }
    }

    private static void write(Path d, String name, String value) throws IOException {
        Files.writeString(d.resolve(name), value, StandardCharsets.UTF_8);
    }

    private static String read(Path d, String name) throws IOException {
        try {
            return Files.readString(d.resolve(name), StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw new IOException("layer " + d.getFileName() + ": missing " + name, e);
        }
    }
}
