package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The create body of a one-off {@code run} container, as docker compose builds it: the service's
 * container with {@code oneoff=True}, a slug and no container number, no restart policy, no
 * published ports unless {@code --service-ports}/{@code -p}, only its own name as DNS alias unless
 * {@code --use-aliases}, and the run flags applied on top.
 */
public final class OneOffRequest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OneOffRequest() {
    }

    /** {@code <project>-<service>-run-<first 12 hex of the slug>}, or {@code --name}. */
    public static String containerName(Project p, Service s, OneOffOptions o, String slug) {
        return o.name() != null ? o.name() : p.name() + "-" + s.name() + "-run-" + slug.substring(0, 12);
    }

    public static ObjectNode build(Project p, Service s, OneOffOptions o, String slug) {
        String name = containerName(p, s, o, slug);
        ObjectNode body = ContainerRequest.build(p, s, 0, name, null);
        ObjectNode labels = (ObjectNode) body.get("Labels");
        labels.remove(Labels.NUMBER);
        labels.put(Labels.ONEOFF, "True");
        labels.put(Labels.SLUG, slug);
        o.labels().forEach(labels::put);
        if (!o.command().isEmpty()) {
            body.set("Cmd", ContainerRequest.strings(o.command()));
        }
        if (o.entrypoint() != null) {
            body.set("Entrypoint", ContainerRequest.strings(o.entrypoint()));
        }
        body.set("Env", env((ArrayNode) body.get("Env"), o.env()));
        ContainerRequest.putIf(body, "User", o.user());
        ContainerRequest.putIf(body, "WorkingDir", o.workdir());
        body.put("Tty", false).put("OpenStdin", false);
        ObjectNode host = (ObjectNode) body.get("HostConfig");
        host.putObject("RestartPolicy").put("Name", "no").put("MaximumRetryCount", 0);
        host.put("AutoRemove", o.autoRemove());
        ArrayNode mounts = (ArrayNode) host.get("Mounts");
        for (String v : o.volumes()) {
            mounts.add(mount(p, v));
        }
        if (!o.servicePorts()) {
            host.putObject("PortBindings");
        }
        ObjectNode bindings = (ObjectNode) host.get("PortBindings");
        ObjectNode exposed = (ObjectNode) body.get("ExposedPorts");
        for (String spec : o.publish()) {
            PublishSpec ps = PublishSpec.parse(spec);
            exposed.set(ps.key(), F.objectNode());
            ArrayNode list = bindings.has(ps.key()) ? (ArrayNode) bindings.get(ps.key()) : bindings.putArray(ps.key());
            list.addObject().put("HostIp", ps.hostIp()).put("HostPort", ps.hostPort());
        }
        if (!o.useAliases()) {
            Iterator<JsonNode> endpoints = body.path("NetworkingConfig").path("EndpointsConfig").elements();
            endpoints.forEachRemaining(e -> ((ObjectNode) e).set("Aliases", ContainerRequest.strings(List.of(name))));
        }
        return body;
    }

    /** The service's environment with the {@code -e} entries added, a repeated key replaced in place. */
    private static ArrayNode env(ArrayNode base, List<String> extra) {
        List<String> out = new ArrayList<>();
        base.forEach(e -> out.add(e.asText()));
        for (String e : extra) {
            String key = e.contains("=") ? e.substring(0, e.indexOf('=')) : e;
            out.removeIf(old -> old.equals(key) || old.startsWith(key + "="));
            out.add(e);
        }
        return ContainerRequest.strings(out);
    }

    /** {@code -v SRC:DST[:ro|rw]} or {@code -v DST} (anonymous volume): a path source is a bind, a name a volume of the project. */
    static ObjectNode mount(Project p, String spec) {
        String[] parts = spec.split(":");
        if (parts.length > 3 || spec.isEmpty()) {
            throw new IllegalArgumentException("invalid volume specification: \"" + spec + "\"");
        }
        ObjectNode m = F.objectNode();
        if (parts.length == 1) {
            return m.put("Type", "volume").put("Target", parts[0]);
        }
        String source = parts[0];
        boolean path = source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
        if (path) {
            String resolved = source.startsWith("~") ? System.getProperty("user.home") + source.substring(1) : source;
            m.put("Type", "bind").put("Source", p.workingDir().resolve(Path.of(resolved)).normalize().toString());
        } else {
            var decl = p.volumes().get(source);
            m.put("Type", "volume").put("Source", decl == null ? source : decl.name());
        }
        m.put("Target", parts[1]);
        if (parts.length == 3) {
            for (String opt : parts[2].split(",")) {
                if (opt.equals("ro")) {
                    m.put("ReadOnly", true);
                } else if (!opt.equals("rw") && !opt.equals("z") && !opt.equals("Z") && !opt.equals("nocopy")) {
                    throw new IllegalArgumentException("invalid mode \"" + opt + "\" in volume specification \"" + spec + "\"");
                }
            }
        }
        return m;
    }

    /** One {@code -p} value: {@code [IP:][HOST:]CONTAINER[/PROTO]}. */
    record PublishSpec(String hostIp, String hostPort, int containerPort, String protocol) {
        String key() {
            return containerPort + "/" + protocol;
        }

        static PublishSpec parse(String spec) {
            String s = spec;
            String proto = "tcp";
            int slash = s.lastIndexOf('/');
            if (slash >= 0) {
                proto = s.substring(slash + 1);
                s = s.substring(0, slash);
            }
            String ip = "";
            String host = "";
            String container;
            int last = s.lastIndexOf(':');
            if (last < 0) {
                container = s;
            } else {
                container = s.substring(last + 1);
                String rest = s.substring(0, last);
                int ipEnd = rest.lastIndexOf(':');
                if (ipEnd < 0) {
                    host = rest;
                } else {
                    ip = rest.substring(0, ipEnd).replaceAll("^\\[|]$", "");
                    host = rest.substring(ipEnd + 1);
                }
            }
            if (!container.matches("[0-9]{1,5}") || !host.matches("([0-9]{1,5}(-[0-9]{1,5})?)?") || !proto.matches("tcp|udp|sctp")) {
                throw new IllegalArgumentException("invalid port specification: \"" + spec + "\"");
            }
            return new PublishSpec(ip, host, Integer.parseInt(container), proto);
        }
    }

    /** {@code --entrypoint "sh -c 'echo hi'"} → {@code [sh, -c, echo hi]}: words split on blanks, single and double quotes kept together. */
    public static List<String> shellWords(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote in \"" + line + "\"");
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
