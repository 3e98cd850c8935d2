package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The references inside a normalised project, checked as docker compose does (compose-go's
 * {@code checkConsistency} and {@code CheckContainerNameUnicity}, same wording where it has one):
 * networks, named volumes, secrets, configs and models a service uses must be declared; {@code depends_on},
 * {@code links}, {@code network_mode: service:} and {@code volumes_from} must name services
 * ({@code depends_on} to a service disabled by profiles only matters when {@code required});
 * no {@code depends_on} cycles; {@code network_mode} excludes {@code networks}; {@code scale} and
 * {@code deploy.replicas} agree; {@code container_name} is unique and forbids more than one replica.
 */
final class Consistency {
    private static final String INVALID = ": invalid compose project";

    private final YMap services;
    private final YMap project;
    private final Set<String> disabled;

    private Consistency(YMap project, Set<String> disabled) {
        this.project = project;
        this.services = map(project, "services");
        this.disabled = disabled;
    }

    static void check(YMap project, Set<String> disabled) {
        Consistency c = new Consistency(project, disabled);
        Map<String, String> containerNames = new HashMap<>();
        for (var e : c.services.entries().entrySet()) {
            ServiceChecks.check(e.getKey(), (YMap) e.getValue());
            c.service(e.getKey(), (YMap) e.getValue(), containerNames);
        }
        c.secretSources();
        DependencyCycles.check(c.services);
    }

    private void service(String name, YMap s, Map<String, String> containerNames) {
        String path = "services." + name;
        if (s.get("networks") instanceof YMap nets) {
            if (s.has("network_mode") && !nets.entries().isEmpty()) {
                throw new ComposeException(s.keyMark("network_mode"), path + ".network_mode", "service " + name
                        + " declares mutually exclusive `network_mode` and `networks`" + INVALID);
            }
            for (String n : nets.entries().keySet()) {
                if (!map(project, "networks").has(n)) {
                    throw new ComposeException(nets.keyMark(n), path + ".networks", "service \"" + name
                            + "\" refers to undefined network " + n + INVALID);
                }
            }
        }
        if (s.get("volumes") instanceof YSeq vols) {
            for (int i = 0; i < vols.items().size(); i++) {
                if (vols.items().get(i) instanceof YMap m && text(m, "type").equals("volume") && !text(m, "source").isEmpty()
                        && !map(project, "volumes").has(text(m, "source"))) {
                    throw new ComposeException(m.mark(), path + ".volumes[" + i + "]", "service \"" + name
                            + "\" refers to undefined volume " + text(m, "source") + INVALID);
                }
            }
        }
        refs(s, "secrets", name, path);
        refs(s, "configs", name, path);
        if (s.get("models") instanceof YMap models) {
            for (String m : models.entries().keySet()) {
                if (!map(project, "models").has(m)) {
                    throw new ComposeException(models.keyMark(m), path + ".models", "service \"" + name
                            + "\" refers to undefined model " + m + INVALID);
                }
            }
        }
        if (s.get("build") instanceof YMap b && b.get("secrets") instanceof YSeq buildSecrets) {
            for (int i = 0; i < buildSecrets.items().size(); i++) {
                if (buildSecrets.items().get(i) instanceof YMap m && !map(project, "secrets").has(text(m, "source"))) {
                    throw new ComposeException(m.mark(), path + ".build.secrets[" + i + "]", "service \"" + name
                            + "\" refers to undefined build secret " + text(m, "source") + INVALID);
                }
            }
        }
        serviceRefs(name, s, path);
        dependsOn(name, s, path);
        replicas(name, s, path, containerNames);
    }

    /** A secret that is not external reads its value from a file or an environment variable. */
    private void secretSources() {
        YMap secrets = map(project, "secrets");
        for (var e : secrets.entries().entrySet()) {
            if (e.getValue() instanceof YMap m && !"true".equals(text(m, "external")) && !m.has("file") && !m.has("environment")
                    && !m.has("content")) {
                throw new ComposeException(secrets.keyMark(e.getKey()), "secrets." + e.getKey(), "secret \"" + e.getKey()
                        + "\" must declare either `file` or `environment`" + INVALID);
            }
        }
    }

    private void dependsOn(String name, YMap s, String path) {
        if (!(s.get("depends_on") instanceof YMap deps)) {
            return;
        }
        for (String d : deps.entries().keySet()) {
            if (services.has(d)) {
                continue;
            }
            boolean required = !(deps.get(d) instanceof YMap dm && "false".equals(text(dm, "required")));
            if (!required) {
                continue;
            }
            String why = disabled.contains(d) ? "service \"" + name + "\" depends on service \"" + d
                    + "\" which is disabled by its profiles; enable them with --profile or set required: false"
                    : "service \"" + name + "\" depends on undefined service \"" + d + "\"" + INVALID;
            throw new ComposeException(deps.keyMark(d), path + ".depends_on." + d, why);
        }
    }

    private void serviceRefs(String name, YMap s, String path) {
        String mode = text(s, "network_mode");
        if (mode.startsWith("service:") && !services.has(mode.substring(8))) {
            throw new ComposeException(s.get("network_mode").mark(), path + ".network_mode", "service \"" + mode.substring(8)
                    + "\" not found for network_mode 'service:" + mode.substring(8) + "'");
        }
        if (s.get("volumes_from") instanceof YSeq from) {
            for (int i = 0; i < from.items().size(); i++) {
                YNode f = from.items().get(i);
                String ref = f instanceof YScalar sc ? sc.text().split(":")[0] : "";
                if (!ref.equals("container") && !services.has(ref)) {
                    throw new ComposeException(f.mark(), path + ".volumes_from[" + i + "]", "service \"" + name
                            + "\" refers to undefined service \"" + ref + "\" in volumes_from" + INVALID);
                }
            }
        }
        if (s.get("links") instanceof YSeq links) {
            for (int i = 0; i < links.items().size(); i++) {
                YNode l = links.items().get(i);
                String ref = l instanceof YScalar sc ? sc.text().split(":")[0] : "";
                if (!services.has(ref) && !disabled.contains(ref)) {
                    throw new ComposeException(l.mark(), path + ".links[" + i + "]", "service \"" + name
                            + "\" refers to undefined service \"" + ref + "\" in links" + INVALID);
                }
            }
        }
    }

    private void replicas(String name, YMap s, String path, Map<String, String> containerNames) {
        Long scale = number(s.get("scale"));
        Long replicas = s.get("deploy") instanceof YMap d ? number(d.get("replicas")) : null;
        if (scale != null && replicas != null && !scale.equals(replicas)) {
            throw new ComposeException(s.keyMark("scale"), path + ".scale", "services." + name
                    + ": can't set distinct values on 'scale' and 'deploy.replicas'" + INVALID);
        }
        long count = scale != null ? scale : replicas != null ? replicas : 1;
        if (!s.has("container_name")) {
            return;
        }
        String cn = text(s, "container_name");
        Mark at = s.get("container_name").mark();
        if (count > 1) {
            throw new ComposeException(at, path + ".container_name", "services." + name
                    + ": can't set container_name and " + (scale != null ? "scale" : "deploy.replicas")
                    + " as container name must be unique" + INVALID);
        }
        String other = containerNames.putIfAbsent(cn, name);
        if (other != null) {
            throw new ComposeException(at, path + ".container_name", "services." + name + ": container name \"" + cn
                    + "\" is already in use by service " + other);
        }
    }

    private void refs(YMap s, String key, String name, String path) {
        if (s.get(key) instanceof YSeq items) {
            for (int i = 0; i < items.items().size(); i++) {
                if (items.items().get(i) instanceof YMap m && !map(project, key).has(text(m, "source"))) {
                    throw new ComposeException(m.mark(), path + "." + key + "[" + i + "]", "service \"" + name
                            + "\" refers to undefined " + key.substring(0, key.length() - 1) + " " + text(m, "source") + INVALID);
                }
            }
        }
    }

    private static YMap map(YMap m, String key) {
        return m.get(key) instanceof YMap v ? v : YMap.empty(m.mark());
    }

    private static String text(YMap m, String key) {
        return m.get(key) instanceof YScalar s && !s.isNull() ? s.text() : "";
    }

    private static Long number(YNode n) {
        try {
            return n instanceof YScalar s && !s.isNull() ? Long.valueOf(s.text()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
