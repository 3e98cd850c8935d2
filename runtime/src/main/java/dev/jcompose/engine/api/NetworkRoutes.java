package dev.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.EndpointSettings;
import dev.jcompose.engine.network.NetworkException;
import dev.jcompose.engine.network.NetworkKernel;
import dev.jcompose.engine.network.NetworkRecord;
import dev.jcompose.engine.network.NetworkStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code /networks}: create, list (Docker's filters), inspect, remove, prune, connect and
 * disconnect — Docker's shapes and codes. The kernel side is behind {@link NetworkKernel}.
 */
public final class NetworkRoutes {
    private final NetworkStore networks;
    private final Function<String, List<String>> usedBy;
    private final ObjectMapper json;
    private final NetworkKernel kernel;

    /** @param usedBy the IDs of the containers on a network (by name) */
    public NetworkRoutes(NetworkStore networks, Function<String, List<String>> usedBy, ObjectMapper json, NetworkKernel kernel) {
        this.networks = networks;
        this.usedBy = usedBy;
        this.json = json;
        this.kernel = kernel;
    }

    record CreateBody(@JsonProperty("Name") String name, @JsonProperty("Driver") String driver,
                      @JsonProperty("Internal") Boolean internal, @JsonProperty("Attachable") Boolean attachable,
                      @JsonProperty("EnableIPv6") Boolean enableIpv6, @JsonProperty("IPAM") NetworkRecord.Ipam ipam,
                      @JsonProperty("Options") Map<String, String> options, @JsonProperty("Labels") Map<String, String> labels) {
    }

    record ConnectBody(@JsonProperty("Container") String container, @JsonProperty("EndpointConfig") EndpointSettings endpoint,
                       @JsonProperty("Force") Boolean force) {
    }

    record PruneBody(@JsonProperty("NetworksDeleted") List<String> deleted) {
    }

    public void register(Router router) {
        router.add("POST", "/networks/create", guarded(this::create));
        router.add("GET", "/networks", guarded(ex -> ex.sendJson(200, networks.list().stream()
                .filter(NetworkFilters.parse(ex.query("filters").orElse(null), json, usedBy)).toList())));
        router.add("POST", "/networks/prune", guarded(this::prune));
        router.add("GET", "/networks/{id}", guarded(ex -> {
            NetworkRecord n = networks.find(ex.path("id"));
            ex.sendJson(200, n.withContainers(kernel.members(n.name())));
        }));
        router.add("DELETE", "/networks/{id}", guarded(ex -> {
            remove(networks.find(ex.path("id")));
            ex.sendStatus(204);
        }));
        router.add("POST", "/networks/{id}/connect", guarded(ex -> {
            ConnectBody b = body(ex);
            kernel.connect(b.container(), networks.find(ex.path("id")).name(), b.endpoint());
            ex.sendStatus(200);
        }));
        router.add("POST", "/networks/{id}/disconnect", guarded(ex -> {
            ConnectBody b = body(ex);
            kernel.disconnect(b.container(), networks.find(ex.path("id")).name(), Boolean.TRUE.equals(b.force()));
            ex.sendStatus(200);
        }));
    }

    private static Route guarded(Route route) {
        return ex -> {
            try {
                route.handle(ex);
            } catch (NetworkException e) {
                throw new ApiError(e.status(), e.getMessage(), e);
            } catch (ContainerException e) {
                throw new ApiError(e.status(), e.getMessage(), e);
            }
        };
    }

    private static ConnectBody body(ApiExchange ex) {
        ConnectBody b = ex.bodyJson(ConnectBody.class);
        if (b == null || b.container() == null || b.container().isEmpty()) {
            throw ApiError.badRequest("network connect and disconnect need a JSON body with a Container");
        }
        return b;
    }

    private void create(ApiExchange ex) throws IOException {
        CreateBody b = ex.bodyJson(CreateBody.class);
        if (b == null) {
            throw ApiError.badRequest("network create needs a JSON body with a Name");
        }
        NetworkRecord n = networks.create(b.name(), b.driver(), Boolean.TRUE.equals(b.internal()), Boolean.TRUE.equals(b.attachable()),
                Boolean.TRUE.equals(b.enableIpv6()), b.ipam() == null ? null : b.ipam().config(), b.options(), b.labels());
        ex.sendJson(201, Map.of("Id", n.id(), "Warning", ""));
    }

    private void remove(NetworkRecord n) {
        if (NetworkFilters.BUILTIN.contains(n.name())) {
            throw new NetworkException(403, n.name() + " is a pre-defined network and cannot be removed");
        }
        networks.remove(n.id(), usedBy.apply(n.name()));
        kernel.removed(n);
    }

    /** Removes the networks no container uses (never the pre-defined ones); filters label, label!, until. */
    private void prune(ApiExchange ex) throws IOException {
        Predicate<NetworkRecord> which = NetworkFilters.parse(ex.query("filters").orElse(null), json, usedBy);
        List<String> deleted = new ArrayList<>();
        for (NetworkRecord n : networks.list()) {
            if (which.test(n) && !NetworkFilters.BUILTIN.contains(n.name()) && usedBy.apply(n.name()).isEmpty()) {
                remove(n);
                deleted.add(n.name());
            }
        }
        ex.sendJson(200, new PruneBody(deleted));
    }
}
