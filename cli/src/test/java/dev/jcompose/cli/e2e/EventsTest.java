package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker/compose {@code pkg/e2e/events_test.go} "TestEventsUnknownService" on {@code fixtures/simple-composefile}. */
@Tag("root")
class EventsTest {
    private static final String FILE = "fixtures/simple-composefile/compose.yaml";
    @TempDir
    Path dir;
    private E2eFixture c;

    @AfterEach
    void down() {
        if (c != null) {
            c.close();
        }
    }

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
