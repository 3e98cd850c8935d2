package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutputHoldsTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final OutputHolds holds = new OutputHolds();
    private final AtomicInteger removed = new AtomicInteger();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void withoutHoldTheActionRunsAtOnce() {
        holds.whenReleased("a", Duration.ofHours(1), timer, removed::incrementAndGet);
        assertEquals(1, removed.get());
    }

    @Test
    void theActionWaitsForTheLastHoldAndRunsOnce() {
        OutputHolds.Hold first = holds.hold("a");
        OutputHolds.Hold second = holds.hold("a");
        holds.whenReleased("a", Duration.ofHours(1), timer, removed::incrementAndGet);
        first.close();
        first.close();
        assertEquals(0, removed.get(), "a second close of the same hold does not release the other");
        assertTrue(holds.held("a"));
        second.close();
        assertEquals(1, removed.get());
        assertFalse(holds.held("a"));
        holds.hold("a").close();
        assertEquals(1, removed.get(), "a later hold does not run it again");
    }

    @Test
    void aHoldOnAnotherContainerDoesNotDelay() {
        holds.hold("b");
        holds.whenReleased("a", Duration.ofHours(1), timer, removed::incrementAndGet);
        assertEquals(1, removed.get());
    }

    @Test
    void aHoldNeverReleasedDelaysOnlyUpToTheBound() throws Exception {
        OutputHolds.Hold stuck = holds.hold("a");
        CountDownLatch ran = new CountDownLatch(1);
        holds.whenReleased("a", Duration.ofMillis(50), timer, () -> {
            removed.incrementAndGet();
            ran.countDown();
        });
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the bound runs it");
        stuck.close();
        assertEquals(1, removed.get(), "the release after the bound does not run it again");
    }
}
