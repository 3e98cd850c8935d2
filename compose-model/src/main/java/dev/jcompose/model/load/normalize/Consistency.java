package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;

/**
 * The references inside a normalised project, checked as docker compose does: networks, named
 * volumes, secrets and configs a service uses must be declared; {@code depends_on},
 * {@code network_mode: service:}, {@code volumes_from} and {@code links} must name services;
 * {@code container_name} forbids more than one replica.
 */
final class Consistency {
    private Consistency() {
    }

    static void check(YMap project) {
        YMap services = project.get("services") instanceof YMap s ? s : YMap.empty(null);
        YMap networks = project.get("networks") instanceof YMap n ? n : YMap.empty(null);
        YMap volumes = project.get("volumes") instanceof YMap v ? v : YMap.empty(null);
        YMap secrets = project.get("secrets") instanceof YMap v ? v : YMap.empty(null);
        YMap configs = project.get("configs") instanceof YMap v ? v : YMap.empty(null);
        for (var e : services.entries().entrySet()) {
            String name = e.getKey();
            YMap s = (YMap) e.getValue();
            String path = "services." + name;
            if (s.get("networks") instanceof YMap nets) {
                for (String n : nets.entries().keySet()) {
                    if (!networks.has(n)) {
                        throw new ComposeException(nets.keyMark(n), path + ".networks", "service \"" + name + "\" refers to undefined network "
                                + n + ": invalid compose project");
                    }
                }
            }
            if (s.get("volumes") instanceof YSeq vols) {
                for (YNode v : vols.items()) {
                    if (v instanceof YMap m && text(m, "type").equals("volume") && !text(m, "source").isEmpty()
                            && !volumes.has(text(m, "source"))) {
                        throw new ComposeException(m.mark(), path + ".volumes", "service \"" + name + "\" refers to undefined volume "
                                + text(m, "source") + ": invalid compose project");
                    }
                }
            }
            refs(s, "secrets", secrets, name, path);
            refs(s, "configs", configs, name, path);
            if (s.get("depends_on") instanceof YMap deps) {
                for (String d : deps.entries().keySet()) {
                    boolean required = !(deps.get(d) instanceof YMap dm && "false".equals(text(dm, "required")));
                    if (!services.has(d) && required) {
                        throw new ComposeException(deps.keyMark(d), path + ".depends_on", "service \"" + name
                                + "\" depends on undefined service \"" + d + "\": invalid compose project");
                    }
                }
            }
            String mode = text(s, "network_mode");
            if (mode.startsWith("service:") && !services.has(mode.substring(8))) {
                throw new ComposeException(s.get("network_mode").mark(), path + ".network_mode", "service \"" + mode.substring(8)
                        + "\" not found for network_mode 'service:" + mode.substring(8) + "'");
            }
            if (s.get("volumes_from") instanceof YSeq from) {
                for (YNode f : from.items()) {
                    String ref = ((YScalar) f).text().split(":")[0];
                    if (!ref.startsWith("container") && !services.has(ref)) {
                        throw new ComposeException(f.mark(), path + ".volumes_from", "service \"" + name
                                + "\" refers to undefined service \"" + ref + "\" in volumes_from");
                    }
                }
            }
            if (s.has("container_name") && (intOf(s.get("scale")) > 1)) {
                throw new ComposeException(s.get("container_name").mark(), path + ".container_name", "services." + name
                        + ": can't set container_name and scale > 1: " + text(s, "container_name") + " must be unique");
            }
        }
    }

    private static void refs(YMap s, String key, YMap declared, String name, String path) {
        if (s.get(key) instanceof YSeq items) {
            for (YNode i : items.items()) {
                if (i instanceof YMap m && !declared.has(text(m, "source"))) {
                    throw new ComposeException(m.mark(), path + "." + key, "service \"" + name + "\" refers to undefined "
                            + key.substring(0, key.length() - 1) + " " + text(m, "source") + ": invalid compose project");
                }
            }
        }
    }

    private static String text(YMap m, String key) {
        return m.get(key) instanceof YScalar s && !s.isNull() ? s.text() : "";
    }

    private static int intOf(YNode n) {
        try {
            return n instanceof YScalar s ? Integer.parseInt(s.text()) : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
