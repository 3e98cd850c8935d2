package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.container.EndpointSettings;
import dev.jcompose.engine.dns.EmbeddedDns;
import dev.jcompose.engine.events.EventBus;
import dev.jcompose.engine.network.BridgeDriver;
import dev.jcompose.engine.network.NetworkKernel;
import dev.jcompose.engine.network.NetworkRecord;
import dev.jcompose.engine.network.NetworkStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's side of the network API ({@code docker network connect/disconnect/inspect/rm}): endpoints of
 * running containers made and taken down now, of stopped ones recorded for their next start; a removed network's
 * bridge, rules and DNS listener torn down. Connect and disconnect hold {@code containerLock}, the lock the runtime
 * records a container's exit under, so an endpoint is never attached to a container whose exit is being recorded
 * (which releases its endpoints).
 */
final class ContainerNetworking implements NetworkKernel {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerNetworking.class);

    private final ContainerService containers;
    private final NetworkStore networks;
    private final NetworkAttachments attachments;
    private final NetworkRules rules;
    private final EmbeddedDns dns;
    private final EventBus events;
    private final CoalescedTask names;
    private final Object containerLock;

    ContainerNetworking(ContainerService containers, NetworkStore networks, NetworkAttachments attachments, NetworkRules rules,
                        EmbeddedDns dns, EventBus events, CoalescedTask names, Object containerLock) {
        this.containers = containers;
        this.networks = networks;
        this.attachments = attachments;
        this.rules = rules;
        this.dns = dns;
        this.events = events;
        this.names = names;
        this.containerLock = containerLock;
    }

    /**
     * {@code docker network connect}: a running container gets a veth on the network now (the next
     * ethN) and its names enter the network's DNS; a stopped one gets the endpoint at its next start.
     */
    @Override
    public void connect(String idOrName, String network, EndpointSettings asked) throws IOException {
        synchronized (containerLock) {
            ContainerRecord r = containers.inspect(idOrName);
            NetworkRecord n = attachments.network(network);
            if (!NetworkAttachments.ownsEndpoints(r)) {
                throw new ContainerException(400, "container sharing network namespace with another container or host cannot be connected to any other network");
            }
            if (r.networkSettings() != null && r.networkSettings().networks().containsKey(n.name())) {
                throw new ContainerException(403, "endpoint with name " + r.shortName() + " already exists in network " + n.name());
            }
            EndpointSettings endpoint = asked != null ? asked
                    : new EndpointSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            if (r.state().running()) {
                endpoint = attachments.connectOne(r, r.state().pid(), n, endpoint);
            }
            EndpointSettings result = endpoint;
            containers.store().update(r.id(), c -> c.withNetworkSettings(withEndpoint(c.networkSettings(), n.name(), result)));
            names.run();
            events.publish("network", "connect", n.id(), Map.of("container", r.id(), "name", n.name(), "type", n.driver()));
        }
    }

    /** {@code docker network disconnect}: the veth leaves the running container, its address is freed and its names leave the DNS. */
    @Override
    public void disconnect(String idOrName, String network, boolean force) throws IOException {
        synchronized (containerLock) {
            ContainerRecord r = containers.inspect(idOrName);
            NetworkRecord n = networks.find(network);
            EndpointSettings endpoint = r.networkSettings() == null ? null : r.networkSettings().networks().get(n.name());
            if (endpoint == null && !n.name().equals(r.hostConfig().effectiveNetworkMode())) {
                throw new ContainerException(403, "container " + r.id() + " is not connected to network " + n.name());
            }
            if (r.state().running()) {
                attachments.disconnect(r, n, endpoint);
            }
            containers.store().update(r.id(), c -> c.withNetworkSettings(withEndpoint(c.networkSettings(), n.name(), null)));
            names.run();
            events.publish("network", "disconnect", n.id(), Map.of("container", r.id(), "name", n.name(), "type", n.driver()));
        }
    }

    @Override
    public Map<String, NetworkRecord.Member> members(String network) {
        Map<String, NetworkRecord.Member> out = new TreeMap<>();
        for (ContainerRecord c : containers.store().list()) {
            EndpointSettings e = c.state().running() && c.networkSettings() != null ? c.networkSettings().networks().get(network) : null;
            if (e != null && e.ipAddress() != null && !e.ipAddress().isEmpty()) {
                out.put(c.id(), new NetworkRecord.Member(c.shortName(), e.endpointId(), e.macAddress() == null ? "" : e.macAddress(),
                        e.ipAddress() + "/" + e.ipPrefixLen(), e.globalIpv6Address() == null || e.globalIpv6Address().isEmpty() ? ""
                                : e.globalIpv6Address() + "/" + e.globalIpv6PrefixLen()));
            }
        }
        return out;
    }

    /** Deletes the bridge of a removed network, its rules and DNS listeners (nothing when it never had a bridge). */
    @Override
    public void removed(NetworkRecord n) {
        rules.remove(n);
        n.ipam().config().forEach(p -> dns.stop(p.gateway(), 53));
        try {
            new BridgeDriver().deleteBridge(n);
        } catch (IOException e) {
            LOG.warn("removing the bridge of network {}: {}", n.name(), e.getMessage());
        }
    }

    /** The settings with {@code endpoint} on {@code network} (null: without that network), other networks in their order. */
    private static ContainerRecord.NetworkSettings withEndpoint(ContainerRecord.NetworkSettings s, String network, EndpointSettings endpoint) {
        Map<String, EndpointSettings> nets = new LinkedHashMap<>();
        if (s != null) {
            nets.putAll(s.networks());
        }
        if (endpoint == null) {
            nets.remove(network);
        } else {
            nets.put(network, endpoint);
        }
        return new ContainerRecord.NetworkSettings(s == null ? null : s.sandboxKey(), s == null ? null : s.ports(), nets);
    }
}
