package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.planner.plan.InheritedMount;
import java.util.List;

/**
 * A replacement container's create body with the mounts it takes over from the container it replaces: each one goes in
 * {@code HostConfig.Mounts} in place of the service's anonymous volume at the same target, or is added (an image
 * {@code VOLUME}), as docker compose's create with an inherited container.
 */
final class InheritedMounts {
    private InheritedMounts() {
    }

    static void apply(ObjectNode body, List<InheritedMount> inherit) {
        if (inherit.isEmpty()) {
            return;
        }
        ObjectNode host = (ObjectNode) body.get("HostConfig");
        ArrayNode mounts = host.has("Mounts") ? (ArrayNode) host.get("Mounts") : host.putArray("Mounts");
        for (InheritedMount m : inherit) {
            for (int i = mounts.size() - 1; i >= 0; i--) {
                JsonNode existing = mounts.get(i);
                if (m.target().equals(existing.path("Target").asText())) {
                    mounts.remove(i);
                }
            }
            ObjectNode mount = mounts.addObject().put("Type", m.type()).put("Source", m.source()).put("Target", m.target());
            if (m.readOnly()) {
                mount.put("ReadOnly", true);
            }
        }
    }
}
