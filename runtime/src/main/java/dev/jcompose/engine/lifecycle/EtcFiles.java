package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The /etc/hostname, /etc/hosts and /etc/resolv.conf the engine writes for a container and the
 * shim bind-mounts: the hostname, localhost entries, {@code extra_hosts}, and the DNS servers
 * (the container's own {@code dns}/{@code dns_search}/{@code dns_opt}, else the host's resolv.conf).
 */
public final class EtcFiles {
    private EtcFiles() {
    }

    /** resolv.conf for a container on a bridge network: the embedded DNS server on its gateway. */
    public static void writeResolvConf(Path dir, String gateway, List<String> search, List<String> options) throws IOException {
        StringBuilder sb = new StringBuilder("nameserver ").append(gateway).append('\n');
        if (search != null && !search.isEmpty()) {
            sb.append("search ").append(String.join(" ", search)).append('\n');
        }
        sb.append("options ndots:0");
        if (options != null && !options.isEmpty()) {
            sb.append(' ').append(String.join(" ", options));
        }
        Files.writeString(dir.resolve("resolv.conf"), sb.append('\n'));
    }

    /** Under a remapped user namespace the files belong to the container's root, as dockerd has them (rewrites keep the owner). */
    public static void ownBy(Path dir, dev.jcompose.engine.shim.UserNamespace ids) throws IOException {
        if (ids == null) {
            return;
        }
        for (String f : List.of("hostname", "hosts", "resolv.conf")) {
            Files.setAttribute(dir.resolve(f), "unix:uid", (int) ids.hostUid(0));
            Files.setAttribute(dir.resolve(f), "unix:gid", (int) ids.hostGid(0));
        }
    }

    public static void write(ContainerRecord r, Path dir, String address, Path hostResolvConf) throws IOException {
        var h = r.hostConfig();
        boolean hostNetwork = h.effectiveNetworkMode().equals("host");
        String hostname = r.config().hostname();
        Files.writeString(dir.resolve("hostname"), hostname + "\n");
        StringBuilder hosts = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        if (address != null) {
            hosts.append(address).append('\t').append(hostname).append('\n');
        }
        for (String extra : h.extraHosts() == null ? List.<String>of() : h.extraHosts()) {
            int sep = extra.indexOf('=') >= 0 ? extra.indexOf('=') : extra.indexOf(':');
            if (sep > 0) {
                hosts.append(extra.substring(sep + 1)).append('\t').append(extra, 0, sep).append('\n');
            }
        }
        Files.writeString(dir.resolve("hosts"), hosts);
        StringBuilder resolv = new StringBuilder();
        if (h.dns() != null && !h.dns().isEmpty()) {
            h.dns().forEach(s -> resolv.append("nameserver ").append(s).append('\n'));
        } else if (hostNetwork && Files.isRegularFile(hostResolvConf)) {
            Files.readAllLines(hostResolvConf).stream().filter(l -> l.startsWith("nameserver")).forEach(l -> resolv.append(l).append('\n'));
        } else {
            // bridge networks have no outbound NAT and no embedded DNS server yet: the host's resolvers
            // are unreachable from here, and listing them would make every lookup wait for timeouts
            resolv.append("# jcompose: the embedded DNS server is added when the container joins its network\n");
        }
        if (h.dnsSearch() != null && !h.dnsSearch().isEmpty()) {
            resolv.append("search ").append(String.join(" ", h.dnsSearch())).append('\n');
        }
        if (h.dnsOptions() != null && !h.dnsOptions().isEmpty()) {
            resolv.append("options ").append(String.join(" ", h.dnsOptions())).append('\n');
        }
        Files.writeString(dir.resolve("resolv.conf"), resolv);
    }
}
