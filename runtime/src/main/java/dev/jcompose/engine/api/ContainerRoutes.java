package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerFilters;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.container.CreateRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The container endpoints that need no running process: create, list, inspect, rename, remove.
 * Docker's status codes: 201 created, 204 done, 404 no such container, 409 conflict, 400 bad parameter.
 */
public final class ContainerRoutes {
    private final ContainerService containers;
    private final ObjectMapper json;
    private final dev.jcompose.engine.events.EventBus events;
    /** What the engine does to a container just created (records its {@code Mounts}, as Docker's create does). */
    private final java.util.function.Consumer<ContainerRecord> created;

    public ContainerRoutes(ContainerService containers, ObjectMapper json) {
        this(containers, json, null);
    }

    /** With {@code events}, a "create" event is published for each container made. */
    public ContainerRoutes(ContainerService containers, ObjectMapper json, dev.jcompose.engine.events.EventBus events) {
        this(containers, json, events, r -> {
        });
    }

    public ContainerRoutes(ContainerService containers, ObjectMapper json, dev.jcompose.engine.events.EventBus events,
                           java.util.function.Consumer<ContainerRecord> created) {
        this.created = created;
        this.events = events;
        this.containers = containers;
        this.json = json;
    }

    public void register(Router router) {
        router.add("POST", "/containers/create", guarded(this::create));
        router.add("GET", "/containers/json", guarded(this::list));
        router.add("GET", "/containers/{id}/json", guarded(ex -> ex.sendJson(200, containers.inspect(ex.path("id")).asShown())));
        router.add("POST", "/containers/{id}/rename", guarded(this::rename));
    }

    /** Turns the container layer's refusals into Docker's status codes and message bodies. */
    static Route guarded(Route route) {
        return ex -> {
            try {
                route.handle(ex);
            } catch (ContainerException e) {
                throw new ApiError(e.status(), e.getMessage(), e);
            }
        };
    }

    private void create(ApiExchange ex) throws IOException {
        JsonNode body = ex.bodyJson(JsonNode.class);
        ContainerRecord r = containers.create(ex.query("name").orElse(null), CreateRequest.parse(body, json));
        created.accept(r);
        if (events != null) {
            java.util.Map<String, String> attributes = new java.util.HashMap<>(r.labels());
            attributes.put("name", r.shortName());
            attributes.put("image", r.config().image());
            events.publish("container", "create", r.id(), attributes);
        }
        ex.sendJson(201, Map.of("Id", r.id(), "Warnings", List.of()));
    }

    private void list(ApiExchange ex) throws IOException {
        ContainerFilters filters = ContainerFilters.parse(ex.query("filters").orElse(null), json);
        ex.sendJson(200, containers.list(ex.queryBool("all", false), filters));
    }

    private void rename(ApiExchange ex) throws IOException {
        String name = ex.query("name").filter(n -> !n.isEmpty())
                .orElseThrow(() -> ApiError.badRequest("Neither old nor new names may be empty"));
        containers.rename(ex.path("id"), name);
        ex.sendStatus(204);
    }
}
