package dev.jcompose.model.load.bind;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.service.ServiceNetwork;
import dev.jcompose.model.service.ServiceNetworking;
import dev.jcompose.model.service.ServicePort;
import dev.jcompose.model.service.ServiceVolume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service's networks, ports and volumes from their normalised long form. */
final class NetworkingBinder {
    private NetworkingBinder() {
    }

    static ServiceNetworking bind(Values v) {
        Map<String, ServiceNetwork> networks = new LinkedHashMap<>();
        Values nets = v.child("networks");
        for (String k : nets.map().entries().keySet()) {
            Values n = nets.child(k);
            networks.put(k, new ServiceNetwork(n.strings("aliases"), n.str("ipv4_address"), n.str("ipv6_address"),
                    n.strings("link_local_ips"), n.str("mac_address"), intOr(n.intOrNull("priority"), 0),
                    intOr(n.intOrNull("gw_priority"), 0), n.stringMap("driver_opts"), n.str("interface_name")));
        }
        List<ServicePort> ports = new ArrayList<>();
        List<YNode> items = v.items("ports");
        for (int i = 0; i < items.size(); i++) {
            Values p = Values.of(items.get(i), v.path("ports") + "[" + i + "]");
            Integer target = p.intOrNull("target");
            if (target == null || target < 0 || target > 65535) {
                throw new ComposeException(items.get(i).mark(), v.path("ports") + "[" + i + "]", "invalid port target " + target);
            }
            ports.add(new ServicePort(p.str("mode"), p.str("host_ip"), target, p.str("published"), p.str("protocol"),
                    p.str("app_protocol"), p.str("name")));
        }
        String mode = v.str("network_mode");
        if (mode != null && !networks.isEmpty()) {
            throw v.error("network_mode", "network_mode and networks cannot be combined");
        }
        return new ServiceNetworking(mode, networks, ports, v.strings("expose"), v.strings("links"), v.strings("external_links"),
                v.strings("dns"), v.strings("dns_search"), v.strings("dns_opt"), v.strings("extra_hosts"), v.str("mac_address"));
    }

    static List<ServiceVolume> volumes(Values v) {
        List<ServiceVolume> out = new ArrayList<>();
        List<YNode> items = v.items("volumes");
        for (int i = 0; i < items.size(); i++) {
            Values m = Values.of(items.get(i), v.path("volumes") + "[" + i + "]");
            String type = m.str("type", "volume");
            if (!List.of("bind", "volume", "tmpfs", "npipe", "image", "cluster").contains(type)) {
                throw m.error("type", "unknown volume type \"" + type + "\"");
            }
            ServiceVolume.Bind bind = m.has("bind") ? new ServiceVolume.Bind(m.child("bind").str("propagation"),
                    m.child("bind").bool("create_host_path", false), m.child("bind").str("selinux")) : null;
            ServiceVolume.Volume vol = m.has("volume") ? new ServiceVolume.Volume(m.child("volume").bool("nocopy", false),
                    m.child("volume").str("subpath")) : null;
            ServiceVolume.Tmpfs tmpfs = null;
            if (m.has("tmpfs")) {
                Long size = m.child("tmpfs").bytes("size");
                String mode = m.child("tmpfs").str("mode");
                tmpfs = new ServiceVolume.Tmpfs(size == null ? 0 : size, mode == null ? 0 : Integer.parseInt(mode, 8));
            }
            if (m.str("target") == null) {
                throw new ComposeException(items.get(i).mark(), v.path("volumes") + "[" + i + "]", "target is required");
            }
            out.add(new ServiceVolume(type, m.str("source"), m.str("target"), m.bool("read_only", false), m.str("consistency"),
                    bind, vol, tmpfs));
        }
        return out;
    }

    private static int intOr(Integer v, int dflt) {
        return v == null ? dflt : v;
    }
}
