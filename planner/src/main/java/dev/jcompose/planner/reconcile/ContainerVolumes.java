package dev.jcompose.planner.reconcile;

import dev.jcompose.planner.plan.InheritedMount;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's volumes against the {@code Mounts} of one of its containers, as docker compose compares them:
 * whether a named volume the service asks for is missing from the container (its {@code checkExpectedVolumes}: the
 * container must be recreated even though the config hash, which names volumes by key, is unchanged), and which of
 * the old container's anonymous volumes its replacement takes over (its {@code buildContainerMountOptions} with an
 * inherited container).
 */
final class ContainerVolumes {
    private ContainerVolumes() {
    }

    /**
     * True when {@code c} lacks a named volume {@code s} asks for. A container whose engine has recorded no mounts
     * yet (jcompose's engine records them at the first start) is not judged.
     */
    static boolean missingNamedVolume(DesiredService s, ObservedContainer c) {
        if (c.mounts().isEmpty()) {
            return false;
        }
        for (DesiredMount want : s.mounts()) {
            if (want.isNamedVolume() && c.mounts().stream().noneMatch(m -> m.isVolume() && want.source().equals(m.name()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mounts of {@code old} that a replacement for service {@code s} keeps, by destination: every non-tmpfs mount at
     * a path the service still asks an anonymous volume for, or at one of the image's {@code VOLUME}s; a mount the
     * service now gives a source of its own is not inherited. In destination order.
     */
    static List<InheritedMount> inherited(DesiredService s, ObservedContainer old, Set<String> imageVolumes) {
        Map<String, InheritedMount> out = new TreeMap<>();
        for (ObservedMount m : old.mounts()) {
            if ("tmpfs".equals(m.type())) {
                continue;
            }
            String destination = clean(m.destination());
            boolean anonymousWanted = s.mounts().stream().anyMatch(w -> w.isAnonymousVolume() && clean(w.target()).equals(destination));
            if (anonymousWanted || imageVolumes.stream().anyMatch(v -> clean(v).equals(destination))) {
                String source = m.isVolume() ? m.name() : m.source();
                out.put(destination, new InheritedMount(m.type(), source, destination, !m.rw()));
            }
        }
        // the service's own mounts with a source win over an inherited one at the same destination
        s.mounts().stream().filter(w -> !w.isAnonymousVolume()).forEach(w -> out.remove(clean(w.target())));
        return out.values().stream().sorted(Comparator.comparing(InheritedMount::target)).toList();
    }

    /** Go's {@code path.Clean} for absolute container paths: no duplicate or trailing slashes, no {@code .} segments. */
    static String clean(String path) {
        String cleaned = java.nio.file.Path.of("/").resolve(path).normalize().toString();
        return cleaned.isEmpty() ? "/" : cleaned;
    }
}
