package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.ContainerState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When an attach stops following its container: decided from one state of the container, never two. */
class AttachFollowingTest {
    private static final Instant ATTACHED = Instant.parse("2026-12-02T12:00:00.500Z");
    private static final Instant BEFORE = ATTACHED.minusSeconds(60);
    private static final Instant AFTER = ATTACHED.plusMillis(400);

    @Test
    void anAttachBeforeTheStartWaitsForItThenFollowsUntilTheExit() {
        ContainerState created = ContainerState.created();
        ContainerState started = created.running(4242, AFTER);
        ContainerState ended = started.exited(0, false, AFTER.plusMillis(5));
        assertTrue(AttachRoutes.following(created, false, ATTACHED), "not started yet: docker run's attach waits");
        assertTrue(AttachRoutes.following(started, false, ATTACHED), "the start that CI's race saw as 'started and ended'");
        assertFalse(AttachRoutes.following(ended, false, ATTACHED), "started after the attach, then exited: the end");
    }

    @Test
    void anAttachToAStoppedContainerWaitsForItsNextStart() {
        ContainerState earlierRun = ContainerState.created().running(4242, BEFORE).exited(3, false, BEFORE.plusSeconds(1));
        assertTrue(AttachRoutes.following(earlierRun, false, ATTACHED), "docker start -a: the exit before the attach is not the end");
        ContainerState again = earlierRun.running(4343, AFTER);
        assertTrue(AttachRoutes.following(again, false, ATTACHED));
        assertFalse(AttachRoutes.following(again.exited(0, false, AFTER.plusSeconds(1)), false, ATTACHED));
    }

    @Test
    void anAttachToARunningContainerEndsWithItsExit() {
        ContainerState running = ContainerState.created().running(4242, BEFORE);
        assertTrue(AttachRoutes.following(running, true, ATTACHED));
        assertFalse(AttachRoutes.following(running.exited(137, false, AFTER), true, ATTACHED));
    }
}
