package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code extra_hosts} as compose-go's {@code HostsList} prints them: one {@code host=ip} entry per
 * address (several may be given comma-separated), brackets around IPv6 addresses removed
 * ({@code [::1]} → {@code ::1}), the list sorted; a host name that is empty or holds {@code :} or
 * {@code =} is an error ({@code bad host name 'x'}).
 */
final class ExtraHosts {
    private ExtraHosts() {
    }

    static YMap normalize(YMap s, String path) {
        if (!(s.get("extra_hosts") instanceof YSeq hosts)) {
            return s;
        }
        List<YScalar> out = new ArrayList<>();
        for (int i = 0; i < hosts.items().size(); i++) {
            YNode item = hosts.items().get(i);
            if (!(item instanceof YScalar entry)) {
                continue;
            }
            String t = entry.text();
            int eq = t.indexOf('=');
            String host = eq >= 0 ? t.substring(0, eq) : t;
            String ips = eq >= 0 ? t.substring(eq + 1) : "";
            if (host.isEmpty() || host.contains(":")) {
                throw new ComposeException(entry.mark(), path + ".extra_hosts[" + i + "]", "bad host name '" + host + "'");
            }
            for (String ip : ips.split(",", -1)) {
                if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
                    ip = ip.substring(1, ip.length() - 1);
                }
                out.add(Nodes.str(host + "=" + ip, entry.mark()));
            }
        }
        out.sort((a, b) -> a.text().compareTo(b.text()));
        return s.with("extra_hosts", new YSeq(List.copyOf(out), hosts.mark(), hosts.tag()));
    }
}
