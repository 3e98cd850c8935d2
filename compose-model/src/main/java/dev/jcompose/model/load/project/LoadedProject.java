package dev.jcompose.model.load.project;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import dev.jcompose.model.load.assemble.RawProject;
import dev.jcompose.model.load.output.JsonWriter;
import dev.jcompose.model.load.output.YamlWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded project: what {@code config} prints ({@link #yaml()}, {@link #json()}), the per-service
 * config hash compose stores in {@code com.docker.compose.config-hash}, the names the list flags of
 * {@code config} print, and the environment and warnings of loading. The normalised tree stays
 * inside; callers get text or typed records.
 */
public final class LoadedProject {
    private final RawProject raw;
    private final YMap tree;
    private final Map<String, YSeq> envFiles;
    private final boolean interpolated;

    LoadedProject(RawProject raw, YMap tree, Map<String, YSeq> envFiles, boolean interpolated) {
        this.raw = raw;
        this.tree = tree;
        this.envFiles = envFiles;
        this.interpolated = interpolated;
    }

    public String name() {
        return raw.name();
    }

    public Path workingDir() {
        return raw.workingDir();
    }

    public List<String> configFiles() {
        return raw.configFiles();
    }

    public Map<String, String> environment() {
        return raw.environment();
    }

    public List<String> warnings() {
        return raw.warnings();
    }

    public List<String> activeProfiles() {
        return raw.activeProfiles();
    }

    /** The canonical YAML; literal {@code $} written as {@code $$} when the project was interpolated. */
    public String yaml() {
        return YamlWriter.write(printable());
    }

    public String json() {
        return JsonWriter.write(printable());
    }

    private YNode printable() {
        return interpolated ? dev.jcompose.model.load.output.Dollars.escape(tree) : tree;
    }

    /** The project restricted to {@code services} (and what they depend on is the caller's business). */
    public LoadedProject only(List<String> services) {
        if (services.isEmpty()) {
            return this;
        }
        YMap all = (YMap) tree.get("services");
        YMap kept = all;
        for (String s : all.entries().keySet()) {
            if (!services.contains(s)) {
                kept = kept.without(s);
            }
        }
        for (String s : services) {
            if (!all.has(s)) {
                throw new dev.jcompose.model.ComposeException("no such service: " + s);
            }
        }
        return new LoadedProject(raw, tree.with("services", kept), envFiles, interpolated);
    }

    public List<String> serviceNames() {
        return List.copyOf(((YMap) tree.get("services")).entries().keySet());
    }

    public List<String> networkNames() {
        return keys("networks");
    }

    public List<String> volumeNames() {
        return keys("volumes");
    }

    /** The {@code model} of each top-level model that names one, in name order ({@code config --models}). */
    public List<String> models() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        if (tree.get("models") instanceof YMap models) {
            models.entries().values().forEach(m -> {
                if (m instanceof YMap def && def.get("model") instanceof YScalar s && !s.isNull() && !s.text().isEmpty()) {
                    out.add(s.text());
                }
            });
        }
        return out;
    }

    /** Every profile named by a service, sorted. */
    public List<String> profiles() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (YNode s : ((YMap) tree.get("services")).entries().values()) {
            if (((YMap) s).get("profiles") instanceof YSeq p) {
                p.items().forEach(i -> out.add(((YScalar) i).text()));
            }
        }
        return List.copyOf(out);
    }

    /** The image of each service ({@code <project>-<service>} for build-only ones), in service order. */
    public List<String> images() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        ((YMap) tree.get("services")).entries().forEach((name, s) -> {
            YMap m = (YMap) s;
            out.add(m.get("image") instanceof YScalar i ? i.text() : raw.name() + "-" + name);
        });
        return out;
    }

    /** docker compose's {@code com.docker.compose.config-hash} of a service (see {@link dev.jcompose.model.load.output.ConfigHash}). */
    public String configHash(String service) {
        YMap s = (YMap) ((YMap) tree.get("services")).get(service);
        if (s == null) {
            throw new dev.jcompose.model.ComposeException("no such service: " + service);
        }
        return dev.jcompose.model.load.output.ConfigHash.of(s);
    }

    /**
     * The typed model (bound on each call; callers keep the result). Each service's {@code env_file}
     * entries, dropped from the printed tree, are given back to the binder so the model keeps them.
     */
    public dev.jcompose.model.Project project() {
        YMap services = (YMap) tree.get("services");
        YMap withEnvFiles = services;
        for (var e : envFiles.entrySet()) {
            if (services.get(e.getKey()) instanceof YMap s) {
                withEnvFiles = withEnvFiles.with(e.getKey(), s.with("env_file", e.getValue()));
            }
        }
        return dev.jcompose.model.load.bind.ProjectBinder.bind(raw.name(), raw.workingDir(), raw.configFiles(),
                tree.with("services", withEnvFiles), this::configHash);
    }

    private List<String> keys(String top) {
        return tree.get(top) instanceof YMap m ? List.copyOf(m.entries().keySet()) : List.of();
    }
}
