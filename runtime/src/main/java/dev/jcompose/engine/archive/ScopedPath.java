package dev.jcompose.engine.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A path inside a root directory (a container's root as the host sees it) with symbolic links
 * resolved as the container would resolve them: an absolute link target starts again at the root,
 * {@code ..} never climbs above it. So no path given by a client, and no link planted in the
 * container, leads outside the root.
 *
 * @param root      the host directory that is {@code /} for the path
 * @param container the resolved path as the container sees it ({@code /} joined names, no links except maybe the last)
 */
public record ScopedPath(Path root, String container) {
    private static final int MAX_LINKS = 255;

    /**
     * The host path to open (its parents are not links, so the kernel resolves nothing outside the root).
     * The root itself is {@code root/.}: {@code /proc/<pid>/root} is a link, its {@code .} the directory.
     */
    public Path host() {
        return container.equals("/") ? root.resolve(".") : root.resolve(container.substring(1));
    }

    public String name() {
        return container.equals("/") ? "/" : container.substring(container.lastIndexOf('/') + 1);
    }

    /** {@code path} (absolute, or relative to {@code /}) under {@code root}; a link as the last element is followed only when {@code followLast}. */
    public static ScopedPath resolve(Path root, String path, boolean followLast) throws IOException {
        Deque<String> pending = new ArrayDeque<>(split(path));
        List<String> current = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!current.isEmpty()) {
                    current.remove(current.size() - 1);
                }
                continue;
            }
            current.add(name);
            Path host = root.resolve(String.join("/", current));
            if ((pending.isEmpty() && !followLast) || !Files.isSymbolicLink(host)) {
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new IOException("too many levels of symbolic links resolving " + path);
            }
            String target = Files.readSymbolicLink(host).toString();
            current.remove(current.size() - 1);
            if (target.startsWith("/")) {
                current.clear();
            }
            List<String> parts = split(target);
            for (int i = parts.size() - 1; i >= 0; i--) {
                pending.addFirst(parts.get(i));
            }
        }
        return new ScopedPath(root, "/" + String.join("/", current));
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
