package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.cli.UserError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code scale}'s {@code SERVICE=REPLICAS} arguments, with docker compose's messages for malformed ones. */
class ScaleCommandTest {
    @Test
    void pairsKeepTheirOrder() {
        assertEquals(List.of(Map.entry("front", 3), Map.entry("back", 0)),
                List.copyOf(ScaleCommand.parse(List.of("front=3", "back=0")).entrySet()));
    }

    @Test
    void malformedSpecifiersAreRejected() {
        for (String bad : List.of("front", "=3", "front=")) {
            assertEquals("invalid scale specifier: " + bad, assertThrows(UserError.class, () -> ScaleCommand.parse(List.of(bad))).getMessage());
        }
        assertEquals("invalid scale specifier: can't parse replica value as int: front=two",
                assertThrows(UserError.class, () -> ScaleCommand.parse(List.of("front=two"))).getMessage());
    }
}
