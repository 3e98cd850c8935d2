package dev.jcompose.engine.shim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link ShimSpec} as an OCI runtime {@code config.json} (the subset the shim implements),
 * so the same container can be run by {@code runc run --bundle DIR} for comparison. The shim itself
 * reads the line spec of {@link ShimSpecWriter}; the log and exit files have no OCI equivalent.
 */
public final class OciConfigWriter {
    private static final List<String> RLIMITS = List.of("CPU", "FSIZE", "DATA", "STACK", "CORE", "RSS", "NPROC", "NOFILE",
            "MEMLOCK", "AS", "LOCKS", "SIGPENDING", "MSGQUEUE", "NICE", "RTPRIO", "RTTIME");

    private OciConfigWriter() {
    }

    /** Writes {@code bundle/config.json}. */
    public static void write(ShimSpec s, Path bundle) throws IOException {
        Files.writeString(bundle.resolve("config.json"), toJson(s), StandardCharsets.UTF_8);
    }

    static String toJson(ShimSpec s) {
        StringBuilder b = new StringBuilder("{\"ociVersion\":\"1.0.2\",\"process\":{\"terminal\":false,");
        b.append("\"user\":{\"uid\":").append(s.uid()).append(",\"gid\":").append(s.gid());
        b.append(",\"additionalGids\":").append(s.additionalGids()).append("},");
        b.append("\"args\":").append(strings(s.args())).append(",\"env\":").append(strings(s.env()));
        b.append(",\"cwd\":").append(str(s.cwd() == null || s.cwd().isEmpty() ? "/" : s.cwd()));
        List<String> caps = capabilityNames(s.capabilities());
        b.append(",\"capabilities\":{");
        for (String set : List.of("bounding", "effective", "permitted", "inheritable")) {
            b.append(str(set)).append(':').append(strings(caps)).append(set.equals("inheritable") ? "" : ",");
        }
        b.append("},\"rlimits\":[");
        List<String> rl = new ArrayList<>();
        for (ShimSpec.Rlimit r : s.rlimits()) {
            rl.add("{\"type\":" + str("RLIMIT_" + RLIMITS.get(r.resource())) + ",\"soft\":" + Long.toUnsignedString(r.soft())
                    + ",\"hard\":" + Long.toUnsignedString(r.hard()) + "}");
        }
        b.append(String.join(",", rl)).append("],\"noNewPrivileges\":").append(s.noNewPrivileges()).append("},");
        b.append("\"root\":{\"path\":").append(str(s.root().toAbsolutePath().toString()))
                .append(",\"readonly\":").append(s.readonlyRoot()).append("},");
        if (s.hostname() != null) {
            b.append("\"hostname\":").append(str(s.hostname())).append(',');
        }
        if (s.domainname() != null && !s.domainname().isEmpty()) {
            b.append("\"domainname\":").append(str(s.domainname())).append(',');
        }
        b.append("\"mounts\":[");
        List<String> ms = new ArrayList<>();
        for (ShimSpec.Mount m : s.mounts()) {
            List<String> options = new ArrayList<>(m.flags());
            if (m.data() != null && !m.data().isEmpty()) {
                options.addAll(List.of(m.data().split(",")));
            }
            ms.add("{\"destination\":" + str(m.destination()) + ",\"type\":" + str(m.type()) + ",\"source\":"
                    + str(m.source() == null ? m.type() : m.source()) + ",\"options\":" + strings(options) + "}");
        }
        b.append(String.join(",", ms)).append("],\"linux\":{\"namespaces\":[");
        List<String> ns = new ArrayList<>(List.of("{\"type\":\"pid\"}", "{\"type\":\"mount\"}", "{\"type\":\"uts\"}",
                "{\"type\":\"ipc\"}", "{\"type\":\"cgroup\"}"));
        if (s.netns() != null) {
            ns.add("{\"type\":\"network\",\"path\":" + str(s.netns().toString()) + "}");
        } else if (s.newNetns()) {
            ns.add("{\"type\":\"network\"}");
        }
        if (s.userns() != null) {
            ns.add("{\"type\":\"user\"}");
        }
        b.append(String.join(",", ns)).append(']');
        if (s.userns() != null) {
            b.append(",\"uidMappings\":").append(idMappings(s.userns().uidMap())).append(",\"gidMappings\":")
                    .append(idMappings(s.userns().gidMap()));
        }
        b.append(",\"maskedPaths\":").append(strings(s.maskedPaths()));
        b.append(",\"readonlyPaths\":").append(strings(s.readonlyPaths())).append(",\"sysctl\":{");
        Map<String, String> sysctl = new TreeMap<>();
        for (String kv : s.sysctls()) {
            int eq = kv.indexOf('=');
            sysctl.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        List<String> kvs = new ArrayList<>();
        sysctl.forEach((k, v) -> kvs.add(str(k) + ":" + str(v)));
        b.append(String.join(",", kvs)).append('}');
        if (s.seccomp() != null) {
            // the shim's filter is always Docker's default profile compiled for the container's capabilities
            b.append(",\"seccomp\":").append(dev.jcompose.engine.seccomp.OciSeccomp.json(
                    dev.jcompose.engine.seccomp.DockerSeccompProfile.profile(), DockerDefaults.capabilityNames(s.capabilities())));
        }
        return b.append("}}\n").toString();
    }

    private static List<String> capabilityNames(long mask) {
        List<String> names = new ArrayList<>();
        new TreeMap<>(DockerDefaults.CAPABILITIES).forEach((name, bit) -> {
            if ((mask & (1L << bit)) != 0) {
                names.add("CAP_" + name);
            }
        });
        return names;
    }

    private static String strings(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(str(v)));
        return "[" + String.join(",", quoted) + "]";
    }

    private static String str(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /** OCI's LinuxIDMapping list: containerID, hostID, size. */
    private static String idMappings(List<UserNamespace.IdMapping> maps) {
        List<String> out = new ArrayList<>();
        for (UserNamespace.IdMapping m : maps) {
            out.add("{\"containerID\":" + m.containerId() + ",\"hostID\":" + m.hostId() + ",\"size\":" + m.size() + "}");
        }
        return "[" + String.join(",", out) + "]";
    }
}
