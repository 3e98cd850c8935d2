package dev.jcompose.engine.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.HostConfig.RestartPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartDecisionTest {
    private static final Duration QUICK = Duration.ofSeconds(1);

    @Test
    void policiesAsDocker() {
        var none = RestartDecision.History.NONE;
        assertTrue(RestartDecision.decide(RestartPolicy.NO, 1, false, QUICK, none).isEmpty());
        assertTrue(RestartDecision.decide(new RestartPolicy("always", 0), 0, false, QUICK, none).isPresent());
        assertTrue(RestartDecision.decide(new RestartPolicy("always", 0), 0, true, QUICK, none).isEmpty(), "user stop wins");
        assertTrue(RestartDecision.decide(new RestartPolicy("unless-stopped", 0), 137, false, QUICK, none).isPresent());
        assertTrue(RestartDecision.decide(new RestartPolicy("on-failure", 0), 0, false, QUICK, none).isEmpty());
        assertTrue(RestartDecision.decide(new RestartPolicy("on-failure", 2), 1, false, QUICK, new RestartDecision.History(2,
                Duration.ofMillis(200))).isEmpty(), "retry limit reached");
        assertTrue(RestartDecision.decide(new RestartPolicy("on-failure", 2), 1, false, QUICK, new RestartDecision.History(1,
                Duration.ofMillis(100))).isPresent());
    }

    @Test
    void delayDoublesUpToAMinuteAndResetsAfterAGoodRun() {
        var policy = new RestartPolicy("always", 0);
        var h = RestartDecision.History.NONE;
        Duration last = Duration.ZERO;
        for (int i = 0; i < 12; i++) {
            var r = RestartDecision.decide(policy, 1, false, QUICK, h).orElseThrow();
            assertTrue(r.delay().compareTo(last) >= 0);
            last = r.delay();
            h = r.history();
        }
        assertEquals(Duration.ofMinutes(1), last);
        assertEquals(12, h.restartCount());
        assertEquals(Duration.ofMillis(100), RestartDecision.decide(policy, 1, false, Duration.ofSeconds(30), h).orElseThrow().delay());
    }
}
