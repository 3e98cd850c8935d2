package dev.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.volume.VolumeException;
import dev.jcompose.engine.volume.VolumeRecord;
import dev.jcompose.engine.volume.VolumeStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@code /volumes}: create, list (filters name, label, dangling), inspect, remove, prune — Docker's shapes and codes. */
public final class VolumeRoutes {
    private final VolumeStore volumes;
    private final Function<String, List<String>> usedBy;
    private final ObjectMapper json;

    public VolumeRoutes(VolumeStore volumes, Function<String, List<String>> usedBy, ObjectMapper json) {
        this.volumes = volumes;
        this.usedBy = usedBy;
        this.json = json;
    }

    record CreateBody(@JsonProperty("Name") String name, @JsonProperty("Driver") String driver,
                      @JsonProperty("DriverOpts") Map<String, String> driverOpts, @JsonProperty("Labels") Map<String, String> labels) {
    }

    record ListBody(@JsonProperty("Volumes") List<VolumeRecord> volumes, @JsonProperty("Warnings") List<String> warnings) {
    }

    record PruneBody(@JsonProperty("VolumesDeleted") List<String> deleted, @JsonProperty("SpaceReclaimed") long reclaimed) {
    }

    public void register(Router router) {
        router.add("POST", "/volumes/create", guarded(this::create));
        router.add("GET", "/volumes", guarded(this::list));
        router.add("POST", "/volumes/prune", guarded(this::prune));
        router.add("GET", "/volumes/{name}", guarded(ex -> ex.sendJson(200, volumes.get(ex.path("name")))));
        router.add("DELETE", "/volumes/{name}", guarded(this::remove));
    }

    private static Route guarded(Route route) {
        return ex -> {
            try {
                route.handle(ex);
            } catch (VolumeException e) {
                throw new ApiError(e.status(), e.getMessage(), e);
            }
        };
    }

    private void create(ApiExchange ex) throws IOException {
        CreateBody b = ex.bodyJson(CreateBody.class);
        if (b == null) {
            b = new CreateBody(null, null, null, null);
        }
        ex.sendJson(201, volumes.create(b.name(), b.driver(), b.driverOpts(), b.labels()));
    }

    private void list(ApiExchange ex) throws IOException {
        Predicate<VolumeRecord> filter = filters(ex.query("filters").orElse(null));
        ex.sendJson(200, new ListBody(volumes.list().stream().filter(filter).toList(), List.of()));
    }

    private void remove(ApiExchange ex) throws IOException {
        volumes.remove(ex.path("name"), usedBy);
        ex.sendStatus(204);
    }

    /** Docker ≥ 23 prunes anonymous volumes only, unless the filter {@code all=true} is given. */
    private void prune(ApiExchange ex) throws IOException {
        String raw = ex.query("filters").orElse(null);
        boolean all = raw != null && json.readTree(raw).path("all").toString().contains("true");
        Predicate<VolumeRecord> which = labelFilters(raw).and(v -> all || v.anonymous());
        ex.sendJson(200, new PruneBody(volumes.prune(which, usedBy), 0));
    }

    private Predicate<VolumeRecord> filters(String raw) throws IOException {
        if (raw == null || raw.isBlank()) {
            return v -> true;
        }
        JsonNode root = json.readTree(raw);
        Predicate<VolumeRecord> p = labelFilters(raw);
        for (String name : values(root.path("name"))) {
            p = p.and(v -> v.name().contains(name));
        }
        for (String dangling : values(root.path("dangling"))) {
            boolean want = dangling.equals("true") || dangling.equals("1");
            p = p.and(v -> usedBy.apply(v.name()).isEmpty() == want);
        }
        return p;
    }

    private Predicate<VolumeRecord> labelFilters(String raw) throws IOException {
        Predicate<VolumeRecord> p = v -> true;
        if (raw == null || raw.isBlank()) {
            return p;
        }
        for (String label : values(json.readTree(raw).path("label"))) {
            int eq = label.indexOf('=');
            p = p.and(eq < 0 ? v -> v.labels().containsKey(label)
                    : v -> label.substring(eq + 1).equals(v.labels().get(label.substring(0, eq))));
        }
        return p;
    }

    private static List<String> values(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> out.add(v.asText()));
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }
}
