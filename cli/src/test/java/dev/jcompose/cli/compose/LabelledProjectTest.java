package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.Dependency.Condition;
import dev.jcompose.planner.graph.Dependency.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dependencies of a project known by name only, from docker compose's depends_on label. */
class LabelledProjectTest {
    @Test
    void readsConditionAndRestartAndSkipsServicesWithoutContainers() {
        assertEquals(List.of(new Dependency("db", Condition.HEALTHY, true, true, Kind.DEPENDS_ON),
                        new Dependency("init", Condition.COMPLETED_SUCCESSFULLY, false, true, Kind.DEPENDS_ON),
                        new Dependency("cache", Condition.STARTED, false, true, Kind.DEPENDS_ON)),
                LabelledProject.dependencies("db:service_healthy:true,init:service_completed_successfully:false,gone:service_started:true,"
                        + "cache:service_started", Set.of("db", "init", "cache")));
        assertEquals(List.of(), LabelledProject.dependencies("", Set.of("db")));
    }
}
