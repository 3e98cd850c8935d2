package dev.jcompose.cli.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * docker compose's log line prefixes: the container name without {@code <project>-}, padded to the
 * longest name plus one, then {@code " | "}; coloured per container in compose's order (cyan,
 * yellow, green, magenta, blue, then their bold variants) unless colour is off; an optional
 * timestamp after the prefix.
 */
public final class LogPrefixer {
    private static final String[] COLORS = {"36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1"};
    private static final String RESET = "\033[0m";

    private final boolean color;
    private final boolean prefix;
    private final Map<String, String> colorOf = new HashMap<>();
    private final Map<String, byte[]> prefixCache = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private int width;

    public LogPrefixer(boolean color, boolean prefix) {
        this.color = color;
        this.prefix = prefix;
    }

    /** The name compose shows: {@code demo-web-1} in project {@code demo} is {@code web-1}. */
    public static String displayName(String project, String containerName) {
        return dev.jcompose.cli.compose.ProjectContainers.displayName(project, containerName);
    }

    /** Registers a container (in the order compose would: as they are attached) so widths and colours are stable. */
    public synchronized void add(String name) {
        if (!colorOf.containsKey(name)) {
            colorOf.put(name, COLORS[order.size() % COLORS.length]);
            order.add(name);
            if (name.length() + 1 > width) {
                width = name.length() + 1;
                prefixCache.clear();
            }
        }
    }

    /** A status line about {@code name} ({@code web-1 exited with code 0}): the name in its colour, then the message. */
    public synchronized String status(String name, String message) {
        add(name);
        return (color ? "\033[" + colorOf.get(name) + "m" + name + RESET : name) + " " + message;
    }

    /** One output line (without its newline) for {@code name}. */
    public synchronized String line(String name, String timestamp, String text) {
        add(name);
        StringBuilder sb = new StringBuilder(prefix(name));
        if (timestamp != null) {
            sb.append(timestamp).append(' ');
        }
        return sb.append(text).toString();
    }

    /** What comes before a line of {@code name}'s text (empty without prefixes), as UTF-8 bytes; kept until the width changes. */
    public synchronized byte[] prefixBytes(String name) {
        add(name);
        return prefixCache.computeIfAbsent(name, n -> prefix(n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String prefix(String name) {
        if (!prefix) {
            return "";
        }
        String padded = name + " ".repeat(width - name.length()) + " | ";
        return color ? "\033[" + colorOf.get(name) + "m" + padded + RESET : padded;
    }
}
