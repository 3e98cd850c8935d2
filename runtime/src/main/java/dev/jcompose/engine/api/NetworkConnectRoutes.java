package dev.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.container.EndpointSettings;
import dev.jcompose.engine.network.NetworkRecord;
import dev.jcompose.engine.network.NetworkStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /networks/{id}/connect} and {@code /disconnect} for containers that are not running:
 * the endpoint request (aliases, links, static address) is recorded on the container and takes effect
 * when it starts, which is how docker-compose 1.x wires a container before starting it. Connecting
 * or disconnecting a running container (hot-plugging a veth) is not implemented: 409 says so.
 */
public final class NetworkConnectRoutes {
    private final NetworkStore networks;
    private final ContainerService containers;

    public NetworkConnectRoutes(NetworkStore networks, ContainerService containers) {
        this.networks = networks;
        this.containers = containers;
    }

    record ConnectBody(@JsonProperty("Container") String container, @JsonProperty("EndpointConfig") EndpointSettings endpointConfig) {
    }

    record DisconnectBody(@JsonProperty("Container") String container, @JsonProperty("Force") Boolean force) {
    }

    public void register(Router router) {
        router.add("POST", "/networks/{id}/connect", ContainerRoutes.guarded(this::connect));
        router.add("POST", "/networks/{id}/disconnect", ContainerRoutes.guarded(this::disconnect));
    }

    private void connect(ApiExchange ex) throws IOException {
        NetworkRecord n = network(ex.path("id"));
        ConnectBody b = ex.bodyJson(ConnectBody.class);
        if (b == null || b.container() == null) {
            throw ApiError.badRequest("connecting to network " + n.name() + ": the body names no Container");
        }
        ContainerRecord r = notRunning(b.container(), "connect", n);
        EndpointSettings requested = b.endpointConfig() == null
                ? new EndpointSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : b.endpointConfig();
        update(r, n, requested);
        ex.sendStatus(200);
    }

    private void disconnect(ApiExchange ex) throws IOException {
        NetworkRecord n = network(ex.path("id"));
        DisconnectBody b = ex.bodyJson(DisconnectBody.class);
        if (b == null || b.container() == null) {
            throw ApiError.badRequest("disconnecting from network " + n.name() + ": the body names no Container");
        }
        ContainerRecord r = notRunning(b.container(), "disconnect", n);
        if (r.networkSettings() == null || !r.networkSettings().networks().containsKey(n.name())) {
            throw ApiError.badRequest("container " + r.id() + " is not connected to network " + n.name());
        }
        update(r, n, null);
        ex.sendStatus(200);
    }

    private NetworkRecord network(String idOrName) {
        try {
            return networks.find(idOrName);
        } catch (RuntimeException e) {
            throw ApiError.notFound("network " + idOrName + " not found");
        }
    }

    private ContainerRecord notRunning(String idOrName, String verb, NetworkRecord n) {
        ContainerRecord r = containers.inspect(idOrName);
        if (r.state().running()) {
            throw new ApiError(409, verb + " of running container " + r.shortName() + " to network " + n.name()
                    + " is not supported by this engine yet: stop the container first");
        }
        return r;
    }

    /** Sets (or with null removes) the container's endpoint on network {@code n}. */
    private void update(ContainerRecord r, NetworkRecord n, EndpointSettings endpoint) {
        containers.store().update(r.id(), c -> {
            ContainerRecord.NetworkSettings ns = c.networkSettings();
            Map<String, EndpointSettings> nets = new LinkedHashMap<>(ns == null ? Map.of() : ns.networks());
            if (endpoint == null) {
                nets.remove(n.name());
            } else {
                nets.put(n.name(), endpoint);
            }
            return c.withNetworkSettings(new ContainerRecord.NetworkSettings(ns == null ? null : ns.sandboxKey(),
                    ns == null ? Map.of() : ns.ports(), nets));
        });
    }
}
