package dev.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.network.NetworkException;
import dev.jcompose.engine.network.NetworkRecord;
import dev.jcompose.engine.network.NetworkStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@code /networks}: create, list (filters name, id, label, driver), inspect, remove — Docker's shapes and codes. */
public final class NetworkRoutes {
    private final NetworkStore networks;
    private final Function<String, List<String>> usedBy;
    private final ObjectMapper json;
    private final java.util.function.Consumer<NetworkRecord> onRemoved;

    /** @param onRemoved tears down the kernel side of a removed network (its bridge) */
    public NetworkRoutes(NetworkStore networks, Function<String, List<String>> usedBy, ObjectMapper json,
                         java.util.function.Consumer<NetworkRecord> onRemoved) {
        this.networks = networks;
        this.usedBy = usedBy;
        this.json = json;
        this.onRemoved = onRemoved;
    }

    record CreateBody(@JsonProperty("Name") String name, @JsonProperty("Driver") String driver,
                      @JsonProperty("Internal") Boolean internal, @JsonProperty("Attachable") Boolean attachable,
                      @JsonProperty("EnableIPv6") Boolean enableIpv6, @JsonProperty("IPAM") NetworkRecord.Ipam ipam,
                      @JsonProperty("Options") Map<String, String> options, @JsonProperty("Labels") Map<String, String> labels) {
    }

    public void register(Router router) {
        router.add("POST", "/networks/create", guarded(this::create));
        router.add("GET", "/networks", guarded(this::list));
        router.add("GET", "/networks/{id}", guarded(ex -> ex.sendJson(200, networks.find(ex.path("id")))));
        router.add("DELETE", "/networks/{id}", guarded(ex -> {
            NetworkRecord n = networks.find(ex.path("id"));
            networks.remove(n.id(), usedBy.apply(n.name()));
            onRemoved.accept(n);
            ex.sendStatus(204);
        }));
    }

    private static Route guarded(Route route) {
        return ex -> {
            try {
                route.handle(ex);
            } catch (NetworkException e) {
                throw new ApiError(e.status(), e.getMessage(), e);
            }
        };
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

    private void list(ApiExchange ex) throws IOException {
        Predicate<NetworkRecord> p = n -> true;
        String raw = ex.query("filters").orElse(null);
        if (raw != null && !raw.isBlank()) {
            JsonNode f = json.readTree(raw);
            for (String name : values(f.path("name"))) {
                p = p.and(n -> n.name().contains(name));
            }
            for (String id : values(f.path("id"))) {
                p = p.and(n -> n.id().startsWith(id));
            }
            for (String driver : values(f.path("driver"))) {
                p = p.and(n -> n.driver().equals(driver));
            }
            for (String label : values(f.path("label"))) {
                int eq = label.indexOf('=');
                p = p.and(eq < 0 ? n -> n.labels().containsKey(label)
                        : n -> label.substring(eq + 1).equals(n.labels().get(label.substring(0, eq))));
            }
        }
        ex.sendJson(200, networks.list().stream().filter(p).toList());
    }

    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> out.add(v.asText()));
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }
}
