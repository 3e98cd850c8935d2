package dev.jcompose.planner.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.planner.graph.Dependency.Condition;
import dev.jcompose.planner.graph.Dependency.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {
    private static Dependency on(String target) {
        return new Dependency(target, Condition.STARTED, false, true, Kind.DEPENDS_ON);
    }

    private static Map<String, List<Dependency>> services(Object... pairs) {
        Map<String, List<Dependency>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Dependency> deps = (List<Dependency>) pairs[i + 1];
            m.put((String) pairs[i], deps);
        }
        return m;
    }

    @Test
    void startOrderPutsDependenciesFirstAndKeepsDeclarationOrderOtherwise() {
        ServiceGraph g = ServiceGraph.of(services(
                "web", List.of(on("api"), Dependency.implicit("cache", Kind.LINK)),
                "api", List.of(new Dependency("db", Condition.HEALTHY, true, true, Kind.DEPENDS_ON)),
                "worker", List.of(Dependency.implicit("api", Kind.NETWORK_MODE)),
                "db", List.of(),
                "cache", List.of()));
        assertEquals(List.of("db", "api", "worker", "cache", "web"), g.startOrder());
        assertEquals(List.of("web", "cache", "worker", "api", "db"), g.stopOrder());
        assertEquals(List.of("api", "cache"), g.dependenciesOf("web"));
        assertEquals(List.of("web", "worker"), g.dependentsOf("api"));
        assertEquals(Set.of("web", "api", "cache", "db"), g.withDependencies(Set.of("web")));
        assertEquals(Set.of("db", "api", "web", "worker"), g.withDependents(Set.of("db")));
        assertEquals(Condition.HEALTHY, g.edgesOf("api").get(0).condition());
    }

    @Test
    void cyclesAreNamed() {
        GraphException e = assertThrows(GraphException.class, () -> ServiceGraph.of(services(
                "a", List.of(on("b")), "b", List.of(on("c")), "c", List.of(on("a")), "d", List.of())));
        assertEquals("dependency cycle detected: a -> b -> c -> a", e.getMessage());
    }

    @Test
    void unknownRequiredDependencyIsAnErrorAndOptionalOneIsDropped() {
        assertEquals("service \"web\" depends on undefined service \"db\"",
                assertThrows(GraphException.class, () -> ServiceGraph.of(services("web", List.of(on("db"))))).getMessage());
        ServiceGraph g = ServiceGraph.of(services("web", List.of(new Dependency("db", Condition.STARTED, false, false, Kind.DEPENDS_ON))));
        assertEquals(List.of(), g.dependenciesOf("web"));
    }
}
