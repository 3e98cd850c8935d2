package dev.jcompose.planner.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigDriftTest {
    private static final DesiredProject PROJECT = new DesiredProject("demo",
            List.of(new DesiredService("web", 2, "h-web2", "nginx", null, List.of()), new DesiredService("db", 1, "h-db", "mariadb", null, List.of())),
            List.of(), List.of());

    private static ObservedContainer container(String name, String service, int n, boolean oneoff, String hash) {
        return new ObservedContainer(name + "-id", name, service, n, oneoff, hash, true);
    }

    private static ObservedState observed(ObservedContainer... containers) {
        return new ObservedState(List.of(containers), Set.of(), Set.of(), Map.of(), Map.of());
    }

    @Test
    void onlyLabelledServiceContainersWhoseHashDiffersAreOutdated() {
        ObservedState state = observed(container("demo-web-2", "web", 2, false, "h-web1"), container("demo-web-1", "web", 1, false, "h-web1"),
                container("demo-db-1", "db", 1, false, "h-db"), container("demo-web-run-1", "web", 1, true, "h-web1"),
                container("demo-old-1", "old", 1, false, "h-old"), container("demo-db-2", "db", 2, false, ""));
        assertEquals(List.of(new ConfigDrift.Outdated("web", "demo-web-1"), new ConfigDrift.Outdated("web", "demo-web-2")),
                ConfigDrift.of(PROJECT, state, Set.of()), "one-offs, services gone from the files and unlabelled containers are not judged");
        assertEquals(List.of(), ConfigDrift.of(PROJECT, state, Set.of("db")), "only the named services");
    }

    @Test
    void theWarningNamesTheContainerTheServiceAndUp() {
        assertEquals("container demo-web-1 was created from an older configuration of service \"web\": run `up` to apply the change",
                ConfigDrift.warning(new ConfigDrift.Outdated("web", "demo-web-1")));
    }
}
