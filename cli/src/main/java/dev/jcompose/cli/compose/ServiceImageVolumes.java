package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import dev.jcompose.cli.image.ImagePath;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.planner.reconcile.DesiredProject;
import dev.jcompose.planner.reconcile.DesiredService;
import dev.jcompose.planner.reconcile.ObservedState;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code VOLUME}s of the images of services that already have containers ({@code Config.Volumes} of the image's
 * inspect), which a recreated container inherits from its predecessor as docker compose does. An image the engine
 * does not have (yet) has none.
 */
public final class ServiceImageVolumes {
    private ServiceImageVolumes() {
    }

    /** {@code observed} with the image volumes of each service of {@code desired} that has a container. */
    public static ObservedState add(EngineClient engine, DesiredProject desired, ObservedState observed) {
        Map<String, Set<String>> volumes = new HashMap<>();
        for (DesiredService s : desired.services()) {
            boolean exists = observed.containers().stream().anyMatch(c -> !c.oneoff() && c.service().equals(s.name()));
            if (exists && s.image() != null && !s.image().isEmpty() && !volumes.containsKey(s.image())) {
                volumes.put(s.image(), of(engine, s.image()));
            }
        }
        return volumes.isEmpty() ? observed
                : new ObservedState(observed.containers(), observed.networks(), observed.volumes(), observed.networkHashes(), volumes);
    }

    static Set<String> of(EngineClient engine, String image) {
        JsonNode inspect;
        try {
            inspect = engine.get("/images/" + ImagePath.of(ImageReference.parse(image).toString()) + "/json");
        } catch (EngineException e) {
            if (e.isNotFound()) {
                return Set.of();
            }
            throw e;
        } catch (IllegalArgumentException e) {
            return Set.of(); // not a reference: the create step reports it
        }
        Set<String> out = new LinkedHashSet<>();
        inspect.path("Config").path("Volumes").fieldNames().forEachRemaining(out::add);
        return out;
    }
}
