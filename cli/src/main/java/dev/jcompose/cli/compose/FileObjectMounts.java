package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jcompose.model.FileObjectConfig;
import dev.jcompose.model.Project;
import dev.jcompose.model.service.FileReference;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code configs} and {@code secrets} whose top-level definition has a {@code file:}, as
 * docker compose mounts them: the file bound read only at the target — a config at
 * {@code /<key>} by default, a secret under {@code /run/secrets/}. Sources from {@code environment:}
 * or {@code content:} are not mounted here (docker compose copies those in after create).
 */
final class FileObjectMounts {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private FileObjectMounts() {
    }

    static void add(ArrayNode mounts, Project p, List<FileReference> configs, List<FileReference> secrets) {
        add(mounts, p.configs(), configs, "/");
        add(mounts, p.secrets(), secrets, "/run/secrets/");
    }

    private static void add(ArrayNode mounts, Map<String, FileObjectConfig> declared, List<FileReference> refs, String base) {
        for (FileReference r : refs) {
            FileObjectConfig decl = declared.get(r.source());
            if (decl == null || decl.file() == null || decl.external()) {
                continue;
            }
            String target = r.target() == null || r.target().isEmpty() ? r.source() : r.target();
            mounts.add(F.objectNode().put("Type", "bind").put("Source", decl.file())
                    .put("Target", target.startsWith("/") ? target : base + target).put("ReadOnly", true));
        }
    }
}
