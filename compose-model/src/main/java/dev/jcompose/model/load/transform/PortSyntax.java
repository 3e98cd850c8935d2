package dev.jcompose.model.load.transform;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short port syntax {@code [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]} (IPv6 host
 * addresses in brackets) in docker compose's long form: {@code {mode: ingress, host_ip, target,
 * published, protocol}}, one entry per container port of a range.
 */
final class PortSyntax {
    private PortSyntax() {
    }

    static List<YNode> expand(String spec, Mark mark, String path) {
        String protocol = "tcp";
        String rest = spec.strip();
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
                throw bad(spec, mark, path, "unknown protocol \"" + protocol + "\"");
            }
        }
        String hostIp = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw bad(spec, mark, path, "unterminated IPv6 address");
            }
            hostIp = rest.substring(1, close);
            rest = rest.substring(close + 1);
            if (!rest.startsWith(":")) {
                throw bad(spec, mark, path, "missing container port");
            }
            rest = rest.substring(1);
        }
        String[] parts = rest.split(":", -1);
        String published;
        String target;
        switch (parts.length) {
            case 1 -> {
                published = null;
                target = parts[0];
            }
            case 2 -> {
                published = parts[0];
                target = parts[1];
            }
            case 3 -> {
                if (hostIp != null) {
                    throw bad(spec, mark, path, "too many colons");
                }
                hostIp = parts[0];
                published = parts[1];
                target = parts[2];
            }
            default -> throw bad(spec, mark, path, "too many colons");
        }
        int[] targets = range(target, spec, mark, path);
        int[] hosts = published == null || published.isEmpty() ? null : range(published, spec, mark, path);
        List<YNode> out = new ArrayList<>();
        int count = targets[1] - targets[0] + 1;
        boolean pairwise = hosts != null && hosts[1] - hosts[0] + 1 == count && count > 1;
        if (hosts != null && count > 1 && !pairwise) {
            throw bad(spec, mark, path, "port ranges don't match in length");
        }
        for (int i = 0; i < count; i++) {
            Map<String, YNode> e = new LinkedHashMap<>();
            e.put("mode", Nodes.str("ingress", mark));
            if (hostIp != null && !hostIp.isEmpty()) {
                e.put("host_ip", Nodes.str(hostIp, mark));
            }
            e.put("target", Nodes.num(targets[0] + i, mark));
            if (hosts != null) {
                String pub = pairwise ? String.valueOf(hosts[0] + i)
                        : hosts[0] == hosts[1] ? String.valueOf(hosts[0]) : hosts[0] + "-" + hosts[1];
                e.put("published", Nodes.str(pub, mark));
            }
            e.put("protocol", Nodes.str(protocol, mark));
            out.add(Nodes.map(e, mark));
        }
        return out;
    }

    /** A long-syntax entry with its numbers checked and {@code published} as a string. */
    static YNode longForm(YMap m, String path) {
        YMap out = m;
        if (!(m.get("target") instanceof dev.jcompose.model.load.YScalar t) || t.isNull()) {
            throw new ComposeException(m.mark(), path, "invalid port: target is required");
        }
        int target = port(t.text(), t.text(), t.mark(), path + ".target");
        out = out.with("target", Nodes.num(target, t.mark()));
        if (m.has("published") && m.get("published") instanceof dev.jcompose.model.load.YScalar s && !s.isNull()) {
            out = out.with("published", Nodes.str(s.text(), s.mark()));
        }
        if (!m.has("mode")) {
            out = out.with("mode", Nodes.str("ingress", m.mark()));
        }
        if (!m.has("protocol")) {
            out = out.with("protocol", Nodes.str("tcp", m.mark()));
        }
        return out;
    }

    private static int[] range(String text, String spec, Mark mark, String path) {
        String[] ends = text.split("-", -1);
        if (ends.length > 2) {
            throw bad(spec, mark, path, "invalid range \"" + text + "\"");
        }
        int a = port(ends[0], spec, mark, path);
        int b = ends.length == 2 ? port(ends[1], spec, mark, path) : a;
        if (b < a) {
            throw bad(spec, mark, path, "invalid range \"" + text + "\"");
        }
        return new int[] {a, b};
    }

    private static int port(String text, String spec, Mark mark, String path) {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65535) {
                throw bad(spec, mark, path, "port " + p + " is out of range (0-65535)");
            }
            return p;
        } catch (NumberFormatException e) {
            throw bad(spec, mark, path, "\"" + text + "\" is not a port number");
        }
    }

    private static ComposeException bad(String spec, Mark mark, String path, String why) {
        return new ComposeException(mark, path, "invalid port \"" + spec + "\": " + why);
    }
}
