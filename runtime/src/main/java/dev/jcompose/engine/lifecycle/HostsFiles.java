package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerStore;
import dev.jcompose.engine.container.EndpointSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Name resolution between containers until the embedded DNS server is wired: each running
 * container's /etc/hosts lists, for every network it shares with another running container, that
 * container's address with its name, hostname and aliases on the network (the service name for
 * compose). Rewritten in place (same inode) so the bind mount inside the container sees it, never
 * empty in between ({@link #rewriteInPlace}).
 */
final class HostsFiles {
    private final ContainerStore store;

    HostsFiles(ContainerStore store) {
        this.store = store;
    }

    /** Rewrites the hosts file of every running container. */
    synchronized void refreshAll() {
        List<ContainerRecord> running = store.list().stream().filter(r -> r.state().running()).toList();
        for (ContainerRecord r : running) {
            try {
                write(r, running);
            } catch (IOException e) {
                // a container that just went away; its file goes with it
            }
        }
    }

    private void write(ContainerRecord self, List<ContainerRecord> running) throws IOException {
        Map<String, Set<String>> entries = new LinkedHashMap<>();
        Map<String, EndpointSettings> mine = endpoints(self);
        for (var e : mine.entrySet()) {
            if (e.getValue().ipAddress() != null) {
                entries.computeIfAbsent(e.getValue().ipAddress(), k -> new LinkedHashSet<>()).add(self.config().hostname());
            }
        }
        for (ContainerRecord peer : running) {
            if (peer.id().equals(self.id())) {
                continue;
            }
            for (var e : endpoints(peer).entrySet()) {
                if (!mine.containsKey(e.getKey()) || e.getValue().ipAddress() == null) {
                    continue;
                }
                Set<String> names = entries.computeIfAbsent(e.getValue().ipAddress(), k -> new LinkedHashSet<>());
                names.add(peer.shortName());
                names.addAll(e.getValue().aliases());
                if (peer.config().hostname() != null) {
                    names.add(peer.config().hostname());
                }
            }
        }
        StringBuilder sb = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        entries.forEach((ip, names) -> sb.append(ip).append('\t').append(String.join(" ", names)).append('\n'));
        List<String> extra = self.hostConfig().extraHosts() == null ? List.of() : self.hostConfig().extraHosts();
        for (String x : extra) {
            int sep = x.indexOf('=') >= 0 ? x.indexOf('=') : x.indexOf(':');
            if (sep > 0) {
                sb.append(x.substring(sep + 1)).append('\t').append(x, 0, sep).append('\n');
            }
        }
        Path hosts = Path.of(self.hostsPath());
        if (Files.exists(hosts)) {
            rewriteInPlace(hosts, sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Writes {@code content} over the file without ever leaving it empty: not truncated first (a container resolving
     * {@code localhost} at that moment got "bad address", CI), but written from the start and cut to length after. The
     * localhost lines come first and never change, so a read that overlaps the write still finds them. An unchanged
     * file is not written at all.
     */
    static void rewriteInPlace(Path file, byte[] content) throws IOException {
        if (Files.size(file) == content.length && Arrays.equals(Files.readAllBytes(file), content)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer out = ByteBuffer.wrap(content);
            while (out.hasRemaining()) {
                ch.write(out, out.position());
            }
            ch.truncate(content.length);
        }
    }

    private static Map<String, EndpointSettings> endpoints(ContainerRecord r) {
        return r.networkSettings() == null ? Map.of() : r.networkSettings().networks();
    }
}
