package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.service.DependsOn;
import dev.jcompose.model.service.Healthcheck;
import dev.jcompose.model.service.ServicePort;
import dev.jcompose.model.service.ServiceVolume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /containers/create} for one replica of a service, as docker compose builds
 * it: Config (image, command, env, labels with compose's identity and config hash, healthcheck …),
 * HostConfig (mounts, ports, network mode, restart policy, security and resources), and the
 * endpoint of each network with the service name and container name as aliases, its driver options
 * ({@code interface_name} as {@link #IFNAME_OPTION}), and the links on the first one.
 */
public final class ContainerRequest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The endpoint driver option Docker (API 1.49+) names the container's interface with ({@code interface_name}). */
    public static final String IFNAME_OPTION = "com.docker.network.endpoint.ifname";

    private ContainerRequest() {
    }

    public static ObjectNode build(Project p, Service s, int number, String containerName, String replaces) {
        ObjectNode body = F.objectNode();
        body.put("Image", s.imageOr(p.name()));
        if (s.process().command() != null) {
            body.set("Cmd", strings(s.process().command()));
        }
        if (s.process().entrypoint() != null) {
            body.set("Entrypoint", strings(s.process().entrypoint()));
        }
        List<String> env = new ArrayList<>();
        s.process().environment().forEach((k, v) -> env.add(k + "=" + v));
        body.set("Env", strings(env));
        ObjectNode labels = F.objectNode();
        s.labels().forEach(labels::put);
        labels.put(Labels.PROJECT, p.name());
        labels.put(Labels.SERVICE, s.name());
        labels.put(Labels.NUMBER, Integer.toString(number));
        labels.put(Labels.ONEOFF, "False");
        labels.put(Labels.CONFIG_HASH, s.configHash());
        labels.put(Labels.WORKING_DIR, p.workingDir().toString());
        labels.put(Labels.CONFIG_FILES, String.join(",", p.configFiles()));
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        labels.put(Labels.DEPENDS_ON, dependsOn(s.lifecycle().dependsOn()));
        if (replaces != null) {
            labels.put(Labels.REPLACE, replaces);
        }
        body.set("Labels", labels);
        putIf(body, "WorkingDir", s.process().workingDir());
        putIf(body, "User", s.process().user());
        putIf(body, "Hostname", s.process().hostname());
        putIf(body, "Domainname", s.process().domainname());
        putIf(body, "StopSignal", s.process().stopSignal());
        if (s.process().stopGracePeriod() != null) {
            body.put("StopTimeout", s.process().stopGracePeriod().toSeconds());
        }
        body.put("Tty", s.process().tty());
        body.put("OpenStdin", s.process().stdinOpen());
        ObjectNode exposed = F.objectNode();
        s.networking().ports().forEach(port -> exposed.set(port.target() + "/" + port.protocol(), F.objectNode()));
        s.networking().expose().forEach(e -> exposed.set(e.contains("/") ? e : e + "/tcp", F.objectNode()));
        body.set("ExposedPorts", exposed);
        Healthcheck h = s.lifecycle().healthcheck();
        if (h != null) {
            if (h.startInterval() != null && h.startPeriod() == null) {
                // docker compose's check, made when it converts the service for the engine
                throw new dev.jcompose.cli.UserError("healthcheck.start_interval requires healthcheck.start_period to be set");
            }
            ObjectNode hc = F.objectNode();
            hc.set("Test", h.disable() ? strings(List.of("NONE")) : strings(h.test() == null ? List.of() : h.test()));
            nanos(hc, "Interval", h.interval());
            nanos(hc, "Timeout", h.timeout());
            nanos(hc, "StartPeriod", h.startPeriod());
            nanos(hc, "StartInterval", h.startInterval());
            if (h.retries() != null) {
                hc.put("Retries", h.retries());
            }
            body.set("Healthcheck", hc);
        }
        body.set("HostConfig", HostConfigBuilder.build(p, s));
        body.set("NetworkingConfig", networking(p, s, containerName));
        return body;
    }

    private static ObjectNode networking(Project p, Service s, String containerName) {
        ObjectNode endpoints = F.objectNode();
        List<String> links = ServiceLinks.of(p, s);
        if (s.networking().networkMode() == null) {
            s.networking().networks().forEach((key, n) -> {
                ObjectNode e = F.objectNode();
                List<String> aliases = new ArrayList<>(List.of(containerName, s.name()));
                aliases.addAll(n.aliases());
                e.set("Aliases", strings(aliases));
                if (n.ipv4Address() != null || n.ipv6Address() != null || !n.linkLocalIps().isEmpty()) {
                    ObjectNode ipam = F.objectNode();
                    putIf(ipam, "IPv4Address", n.ipv4Address());
                    putIf(ipam, "IPv6Address", n.ipv6Address());
                    if (!n.linkLocalIps().isEmpty()) {
                        ipam.set("LinkLocalIPs", strings(n.linkLocalIps()));
                    }
                    e.set("IPAMConfig", ipam);
                }
                // the service's mac_address goes to its first network (the one NetworkMode names), as compose does for API >= 1.44
                boolean first = endpoints.isEmpty();
                putIf(e, "MacAddress", n.macAddress() != null ? n.macAddress() : first ? s.networking().macAddress() : null);
                if (first && !links.isEmpty()) {
                    e.set("Links", strings(links));
                }
                if (!n.driverOpts().isEmpty() || n.interfaceName() != null) {
                    ObjectNode opts = e.putObject("DriverOpts");
                    n.driverOpts().forEach(opts::put);
                    putIf(opts, IFNAME_OPTION, n.interfaceName());
                }
                endpoints.set(p.networks().get(key) == null ? key : p.networks().get(key).name(), e);
            });
        }
        ObjectNode out = F.objectNode();
        out.set("EndpointsConfig", endpoints);
        return out;
    }

    /** compose's depends_on label: {@code name:condition:restart} joined with commas. */
    static String dependsOn(Map<String, DependsOn> deps) {
        List<String> parts = new ArrayList<>();
        deps.forEach((k, d) -> parts.add(k + ":" + d.condition() + ":" + d.restart()));
        return String.join(",", parts);
    }

    static String portKey(ServicePort port) {
        return port.target() + "/" + port.protocol();
    }

    static boolean isNamedVolume(ServiceVolume v) {
        return v.type().equals("volume") && v.source() != null && !v.source().isEmpty();
    }

    static ArrayNode strings(List<String> items) {
        ArrayNode a = F.arrayNode();
        items.forEach(a::add);
        return a;
    }

    private static void nanos(ObjectNode o, String key, Duration d) {
        if (d != null) {
            o.put(key, d.toNanos());
        }
    }

    static void putIf(ObjectNode o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }
}
