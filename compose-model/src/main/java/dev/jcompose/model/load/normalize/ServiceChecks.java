package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.List;
import java.util.Objects;

/**
 * compose-go's per-service consistency rules (loader/validate.go) on one normalised service, same
 * wording: an image, a build or a provider is needed; {@code dockerfile} excludes
 * {@code dockerfile_inline}; {@code build.platforms} includes {@code platform}; a healthcheck test
 * starts with CMD, CMD-SHELL or NONE; {@code cpus}, {@code mem_limit}, {@code mem_reservation} and
 * {@code pids_limit} agree with their {@code deploy.resources} twins; watch rules that do not
 * rebuild need a target.
 */
final class ServiceChecks {
    private static final String INVALID = ": invalid compose project";

    private ServiceChecks() {
    }

    static void check(String name, YMap s) {
        String path = "services." + name;
        if (!s.has("image") && !s.has("build") && !s.has("provider")) {
            throw new ComposeException(s.mark(), path, "service \"" + name + "\" has neither an image nor a build context specified" + INVALID);
        }
        if (s.get("build") instanceof YMap b) {
            if (b.has("dockerfile") && b.has("dockerfile_inline")) {
                throw new ComposeException(b.keyMark("dockerfile_inline"), path + ".build", "service \"" + name
                        + "\" declares mutually exclusive dockerfile and dockerfile_inline" + INVALID);
            }
            if (b.get("platforms") instanceof YSeq platforms && !platforms.items().isEmpty() && s.get("platform") instanceof YScalar p
                    && platforms.items().stream().noneMatch(i -> i instanceof YScalar x && x.text().equals(p.text()))) {
                throw new ComposeException(p.mark(), path + ".platform", "service.build.platforms MUST include service.platform \""
                        + p.text() + "\"" + INVALID);
            }
        }
        if (s.get("healthcheck") instanceof YMap h && h.get("test") instanceof YSeq test && !test.items().isEmpty()
                && !(test.items().get(0) instanceof YScalar first && List.of("CMD", "CMD-SHELL", "NONE").contains(first.text()))) {
            throw new ComposeException(test.items().get(0).mark(), path + ".healthcheck.test",
                    "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
        }
        YMap resources = s.get("deploy") instanceof YMap d && d.get("resources") instanceof YMap r ? r : null;
        if (resources != null) {
            same(name, s, "cpus", resources, "limits", "cpus");
            same(name, s, "mem_limit", resources, "limits", "memory");
            same(name, s, "mem_reservation", resources, "reservations", "memory");
            same(name, s, "pids_limit", resources, "limits", "pids");
        }
        if (s.get("develop") instanceof YMap dev && dev.get("watch") instanceof YSeq watch) {
            for (int i = 0; i < watch.items().size(); i++) {
                if (watch.items().get(i) instanceof YMap w && !"rebuild".equals(text(w.get("action"))) && text(w.get("target")).isEmpty()) {
                    throw new ComposeException(w.mark(), path + ".develop.watch[" + i + "]", "services." + name
                            + ".develop.watch: target is required for non-rebuild actions" + INVALID);
                }
            }
        }
    }

    private static void same(String name, YMap s, String key, YMap resources, String part, String twin) {
        YNode mine = s.get(key);
        YNode other = resources.get(part) instanceof YMap m ? m.get(twin) : null;
        if (mine instanceof YScalar a && !a.isNull() && other instanceof YScalar b && !b.isNull() && !numberEquals(a.text(), b.text())) {
            throw new ComposeException(a.mark(), "services." + name + "." + key, "services." + name + ": can't set distinct values on '"
                    + key + "' and 'deploy.resources." + part + "." + twin + "'" + INVALID);
        }
    }

    private static boolean numberEquals(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return Objects.equals(a, b);
        }
    }

    private static String text(YNode n) {
        return n instanceof YScalar s && !s.isNull() ? s.text() : "";
    }
}
