package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.EndpointSettings;
import dev.jcompose.engine.container.HostConfig;
import dev.jcompose.engine.net.ports.PortBinding;
import dev.jcompose.engine.net.ports.PortPublisher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A container's published ports: the {@code PortBindings} it asked for become TCP and UDP proxies to its first
 * address (host ports chosen when 0 or a range), reported back in inspect's {@code NetworkSettings.Ports} shape.
 */
final class PortPublishing implements AutoCloseable {
    private final PortPublisher ports = new PortPublisher();

    /** Starts the proxies of {@code r} to its first endpoint's address; the actual host ports, exposed ports without binding too. */
    Map<String, List<HostConfig.PortBinding>> publish(ContainerRecord r, Map<String, EndpointSettings> endpoints) throws IOException {
        Map<String, List<HostConfig.PortBinding>> out = publishTo(r.id(), r.hostConfig().portBindings(), firstAddress(endpoints));
        // as Docker: an exposed port that is not published is listed with no binding (docker ps shows "80/tcp")
        if (r.config().exposedPorts() != null) {
            r.config().exposedPorts().keySet().forEach(port -> out.putIfAbsent(port.contains("/") ? port : port + "/tcp", List.of()));
        }
        return out;
    }

    /** Starts the proxies again for a container that outlived the previous engine, to the ports it had. */
    void republish(ContainerRecord r) throws IOException {
        publishTo(r.id(), r.networkSettings().ports(), firstAddress(r.networkSettings().networks()));
    }

    void unpublish(String id) {
        ports.unpublish(id);
    }

    private static String firstAddress(Map<String, EndpointSettings> endpoints) {
        return endpoints.values().stream().map(EndpointSettings::ipAddress).filter(Objects::nonNull).findFirst().orElse("127.0.0.1");
    }

    private Map<String, List<HostConfig.PortBinding>> publishTo(String id, Map<String, List<HostConfig.PortBinding>> asked, String target)
            throws IOException {
        Map<String, List<HostConfig.PortBinding>> out = new TreeMap<>();
        if (asked == null || asked.isEmpty()) {
            return out;
        }
        List<PortBinding> bindings = new ArrayList<>();
        for (var e : asked.entrySet()) {
            String[] portProto = e.getKey().split("/");
            String proto = portProto.length > 1 ? portProto[1] : "tcp";
            if (!proto.equals("tcp") && !proto.equals("udp")) {
                continue;
            }
            for (HostConfig.PortBinding b : e.getValue() == null ? List.<HostConfig.PortBinding>of() : e.getValue()) {
                String hp = b.hostPort() == null ? "" : b.hostPort();
                int start = hp.isEmpty() ? 0 : Integer.parseInt(hp.split("-")[0]);
                int end = hp.contains("-") ? Integer.parseInt(hp.split("-")[1]) : start;
                bindings.add(new PortBinding(proto, b.hostIp(), start, end, target, Integer.parseInt(portProto[0])));
            }
        }
        for (var p : ports.publishAll(id, bindings)) {
            out.computeIfAbsent(p.containerPort() + "/" + p.protocol(), k -> new ArrayList<>())
                    .add(new HostConfig.PortBinding(p.hostIp(), Integer.toString(p.hostPort())));
        }
        return out;
    }

    @Override
    public void close() {
        ports.close();
    }
}
