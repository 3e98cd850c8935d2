package dev.jcompose.planner.reconcile;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Containers made from an older configuration of their service: their {@code com.docker.compose.config-hash}
 * label differs from the hash of the service as the compose files describe it now. {@code start} and
 * {@code restart} act on containers as they are, so a user who edited the files and ran {@code restart}
 * (docker compose's most repeated surprise: "restart doesn't apply my change") is told that only {@code up}
 * applies it. One-off containers and containers without the label are not judged.
 */
public final class ConfigDrift {
    /** A container of {@code service} whose configuration is older than the files'. */
    public record Outdated(String service, String container) {
    }

    private ConfigDrift() {
    }

    /** The outdated containers of {@code services} (all services when empty), by container name. */
    public static List<Outdated> of(DesiredProject desired, ObservedState observed, Set<String> services) {
        Map<String, DesiredService> byName = desired.services().stream().collect(Collectors.toMap(DesiredService::name, Function.identity()));
        return observed.containers().stream()
                .filter(c -> !c.oneoff() && (services.isEmpty() || services.contains(c.service())))
                .filter(c -> c.configHash() != null && !c.configHash().isEmpty())
                .filter(c -> byName.containsKey(c.service()) && !c.configHash().equals(byName.get(c.service()).configHash()))
                .sorted(Comparator.comparing(ObservedContainer::name))
                .map(c -> new Outdated(c.service(), c.name()))
                .toList();
    }

    /** The warning a user sees for {@code o}, naming the verb that applies the change. */
    public static String warning(Outdated o) {
        return "container " + o.container() + " was created from an older configuration of service \"" + o.service()
                + "\": run `up` to apply the change";
    }
}
