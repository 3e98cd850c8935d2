package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** docker/compose {@code pkg/e2e/events_test.go} "TestEventsUnknownService" on {@code fixtures/simple-composefile}. */
class EventsTest extends E2eTest {
    private static final String FILE = "fixtures/simple-composefile/compose.yaml";

    @Test
    void testEventsUnknownService() throws Exception {
        c = E2eFixture.start(dir, FILE);
        try (E2eFixture.Background events = c.spawn("-f", E2eFixture.path(FILE), "events", "not-a-service")) {
            // the Go test's 10 s timeout, made generous: the command must end by itself with the error
            E2eFixture.Run r = events.awaitExit(60);
            assertEquals(1, r.code(), r.combined());
            assertTrue(r.err().contains("no such service: not-a-service"), r.err());
        }
    }
}
