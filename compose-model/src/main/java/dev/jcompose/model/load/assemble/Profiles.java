package dev.jcompose.model.load.assemble;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services are active: those without {@code profiles}, those with an active profile
 * ({@code --profile}, {@code COMPOSE_PROFILES}; {@code *} activates all), and those named on the
 * command line (which also activates their profiles). An active service that requires a disabled
 * one is an error naming the profiles that would enable it; an optional dependency on it is dropped.
 */
public final class Profiles {
    private Profiles() {
    }

    public record Result(YMap tree, List<String> active, List<String> disabled) {
    }

    public static Result apply(YMap tree, List<String> flagProfiles, String envProfiles, List<String> named) {
        Set<String> active = new LinkedHashSet<>(flagProfiles);
        if (envProfiles != null && !envProfiles.isBlank() && flagProfiles.isEmpty()) {
            for (String p : envProfiles.split(",")) {
                if (!p.isBlank()) {
                    active.add(p.strip());
                }
            }
        }
        if (!(tree.get("services") instanceof YMap services)) {
            return new Result(tree, List.copyOf(active), List.of());
        }
        for (String n : named) {
            if (services.get(n) instanceof YMap s) {
                active.addAll(profilesOf(s));
            }
        }
        boolean all = active.contains("*");
        Map<String, YNode> kept = new LinkedHashMap<>();
        List<String> disabled = new ArrayList<>();
        for (var e : services.entries().entrySet()) {
            List<String> p = e.getValue() instanceof YMap s ? profilesOf(s) : List.of();
            if (p.isEmpty() || all || named.contains(e.getKey()) || p.stream().anyMatch(active::contains)) {
                kept.put(e.getKey(), e.getValue());
            } else {
                disabled.add(e.getKey());
            }
        }
        for (var e : List.copyOf(kept.entrySet())) {
            if (!(e.getValue() instanceof YMap s) || !(s.get("depends_on") instanceof YMap deps)) {
                continue;
            }
            YMap newDeps = deps;
            for (var d : deps.entries().entrySet()) {
                if (!disabled.contains(d.getKey())) {
                    continue;
                }
                boolean required = !(d.getValue() instanceof YMap dm && dm.get("required") instanceof YScalar r && r.text().equals("false"));
                if (required) {
                    YMap dis = (YMap) services.get(d.getKey());
                    throw new ComposeException(deps.keyMark(d.getKey()), "services." + e.getKey() + ".depends_on",
                            "service \"" + d.getKey() + "\" is required by \"" + e.getKey() + "\" but is disabled. Can be enabled by profiles "
                                    + profilesOf(dis));
                }
                newDeps = newDeps.without(d.getKey());
            }
            kept.put(e.getKey(), s.with("depends_on", newDeps));
        }
        YMap out = tree.with("services", new YMap(kept, services.keyMarks(), services.mark(), services.tag()));
        return new Result(out, List.copyOf(active), disabled);
    }

    private static List<String> profilesOf(YMap service) {
        List<String> out = new ArrayList<>();
        if (service.get("profiles") instanceof YSeq seq) {
            seq.items().forEach(n -> {
                if (n instanceof YScalar s) {
                    out.add(s.text());
                }
            });
        }
        return out;
    }
}
