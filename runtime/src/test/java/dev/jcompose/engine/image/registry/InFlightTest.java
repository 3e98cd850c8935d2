package dev.jcompose.engine.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightTest {
    private final InFlight<String> inFlight = new InFlight<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @Test
    void aSecondTaskForTheSameKeyWaitsForTheFirstToEndThenRunsItsOwnWork() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CompletableFuture<Void> releaseFirst = new CompletableFuture<>();
        List<String> events = new CopyOnWriteArrayList<>();
        Future<String> first = pool.submit(() -> inFlight.run("blob", () -> events.add("first waited"), () -> {
            firstRunning.countDown();
            releaseFirst.get();
            events.add("first done");
            return "first";
        }));
        assertTrue(firstRunning.await(30, TimeUnit.SECONDS));
        CountDownLatch secondWaiting = new CountDownLatch(1);
        Future<String> second = pool.submit(() -> inFlight.run("blob", () -> {
            events.add("second waits");
            secondWaiting.countDown();
        }, () -> {
            events.add("second runs");
            return "second";
        }));
        assertTrue(secondWaiting.await(30, TimeUnit.SECONDS));
        assertEquals("other", inFlight.run("other key", () -> events.add("other waited"), () -> "other"), "other keys do not wait");
        releaseFirst.complete(null);
        assertEquals("first", first.get(30, TimeUnit.SECONDS));
        assertEquals("second", second.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("second waits", "first done", "second runs"), events);
        assertEquals(0, inFlight.size(), "nothing left in flight");
        pool.shutdown();
    }

    @Test
    void aFailedFirstTaskLetsTheNextRunAndItsFailureReachesOnlyItsCaller() throws Exception {
        IOException e = assertThrows(IOException.class, () -> inFlight.run("blob", () -> { }, () -> {
            throw new IOException("download failed");
        }));
        assertEquals("download failed", e.getMessage());
        assertEquals(0, inFlight.size());
        assertEquals("retried", inFlight.run("blob", () -> { }, () -> "retried"));
        pool.shutdown();
    }
}
