package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker compose's {@code removeOrphansFromEnv} (cmd/compose/orphans_env_test.go "TestRemoveOrphansFromEnv"). */
class RemoveOrphansTest {
    @Test
    void explicitFlagWinsOverTheEnvironment() {
        assertFalse(RemoveOrphans.resolve(false, Map.of("COMPOSE_REMOVE_ORPHANS", "true")));
        assertTrue(RemoveOrphans.resolve(true, Map.of("COMPOSE_REMOVE_ORPHANS", "false")));
    }

    @Test
    void environmentAppliesWhenTheFlagIsNotPassed() {
        for (String yes : new String[] {"1", "t", "T", "true", "TRUE", "True"}) {
            assertTrue(RemoveOrphans.resolve(null, Map.of("COMPOSE_REMOVE_ORPHANS", yes)), yes);
        }
        for (String no : new String[] {"0", "false", "no", ""}) {
            assertFalse(RemoveOrphans.resolve(null, Map.of("COMPOSE_REMOVE_ORPHANS", no)), no);
        }
    }

    @Test
    void defaultsToFalseWhenNeitherIsSet() {
        assertFalse(RemoveOrphans.resolve(null, Map.of()));
    }
}
