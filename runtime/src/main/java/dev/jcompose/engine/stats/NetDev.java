package dev.jcompose.engine.stats;

import dev.jcompose.engine.stats.StatsJson.NetworkStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The interface counters of a container's network namespace, read from {@code /proc/<pid>/net/dev} of a process
 * inside it (so the engine never enters the namespace). The loopback is left out, as Docker reports only the
 * container's endpoints.
 */
public final class NetDev {
    private final Path procRoot;

    public NetDev(Path procRoot) {
        this.procRoot = procRoot;
    }

    /** The interfaces of the netns of {@code pid} by name; empty when the process is gone. */
    public Map<String, NetworkStats> read(long pid) throws IOException {
        try {
            return parse(Files.readString(procRoot.resolve(Long.toString(pid)).resolve("net/dev")));
        } catch (NoSuchFileException e) {
            return Map.of();
        }
    }

    /**
     * Parses /proc/net/dev: two header lines, then {@code name: rx_bytes rx_packets rx_errs rx_drop fifo frame
     * compressed multicast tx_bytes tx_packets tx_errs tx_drop …}.
     */
    static Map<String, NetworkStats> parse(String text) {
        Map<String, NetworkStats> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (name.equals("lo") || f.length < 12) {
                continue;
            }
            long[] n = new long[f.length];
            for (int i = 0; i < f.length; i++) {
                n[i] = Long.parseLong(f[i]);
            }
            out.put(name, new NetworkStats(n[0], n[1], n[2], n[3], n[8], n[9], n[10], n[11]));
        }
        return out;
    }
}
