package dev.jcompose.engine.image.unpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves tar entry names inside a layer directory without ever leaving it. Names are cleaned
 * lexically ({@code .} and empty components dropped, {@code ..} applied); a name that is absolute or
 * climbs above the root is refused. Parent components that are symlinks are followed <em>within</em>
 * the root (an absolute target starts again at the root, as it would inside the container); a
 * target that climbs above the root is refused. The last component is never followed.
 * <p>
 * Resolved parent directories are remembered (tar entries come grouped by directory, so most
 * entries would otherwise lstat every component of their path again). The unpacker calls
 * {@link #forget()} whenever it removes or replaces anything, since that may change what a
 * remembered path resolves to; creating new names cannot.
 */
final class LayerRoot {
    private static final int MAX_SYMLINKS = 40;
    private final Path root;
    private final Map<String, Path> resolvedDirs = new HashMap<>();

    LayerRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The cleaned components of an entry name, or an escape error. An empty list means the root itself. */
    List<String> clean(String name, String entry) {
        if (name.startsWith("/")) {
            throw new EscapeException(entry);
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String c : name.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (parts.isEmpty()) {
                    throw new EscapeException(entry);
                }
                parts.removeLast();
            } else {
                parts.addLast(c);
            }
        }
        return new ArrayList<>(parts);
    }

    /**
     * Where an entry goes: its parent directory resolved in scope (missing parents created as 0755
     * directories when {@code createParents}), joined with its last component, which is not followed.
     */
    Path resolve(String name, boolean createParents) throws IOException {
        List<String> parts = clean(name, name);
        if (parts.isEmpty()) {
            return root;
        }
        List<String> parentParts = parts.subList(0, parts.size() - 1);
        String key = String.join("/", parentParts);
        Path parent = resolvedDirs.get(key);
        if (parent == null) {
            parent = resolveDir(parentParts, name, createParents, 0);
            resolvedDirs.put(key, parent);
        }
        Path target = parent.resolve(parts.get(parts.size() - 1));
        if (!target.startsWith(root)) {
            throw new EscapeException(name);
        }
        return target;
    }

    /** Drops every remembered resolution: something under the root was removed or replaced. */
    void forget() {
        resolvedDirs.clear();
    }

    private Path resolveDir(List<String> parts, String entry, boolean create, int depth) throws IOException {
        Path cur = root;
        for (String c : parts) {
            Path next = cur.resolve(c);
            BasicFileAttributes a = attrs(next);
            if (a == null) {
                if (!create) {
                    throw new LayerException("entry \"" + entry + "\": " + root.relativize(next) + " does not exist");
                }
                Files.createDirectory(next);
                cur = next;
            } else if (a.isDirectory()) {
                cur = next;
            } else if (a.isSymbolicLink()) {
                if (depth >= MAX_SYMLINKS) {
                    throw new LayerException("entry \"" + entry + "\": too many levels of symbolic links");
                }
                String target = Files.readSymbolicLink(next).toString();
                boolean absolute = target.startsWith("/");
                List<String> joined = new ArrayList<>(absolute ? List.of() : relativeParts(cur));
                joined.add(absolute ? target.replaceFirst("^/+", "") : target);
                List<String> cleaned = clean(String.join("/", joined), entry);
                cur = resolveDir(cleaned, entry, create, depth + 1);
            } else {
                throw new LayerException("entry \"" + entry + "\": " + root.relativize(next) + " is not a directory");
            }
        }
        return cur;
    }

    private List<String> relativeParts(Path dir) {
        List<String> out = new ArrayList<>();
        for (Path p : root.relativize(dir)) {
            if (!p.toString().isEmpty()) {
                out.add(p.toString());
            }
        }
        return out;
    }

    static BasicFileAttributes attrs(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    /** Thrown for a name that would land outside the root; the unpacker adds the layer to the message. */
    static final class EscapeException extends LayerException {
        private static final long serialVersionUID = 1L;
        final String entry;

        EscapeException(String entry) {
            super("entry \"" + entry + "\" escapes the layer root");
            this.entry = entry;
        }
    }
}
