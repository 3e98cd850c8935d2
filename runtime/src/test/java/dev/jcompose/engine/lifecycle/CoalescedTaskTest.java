package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CoalescedTaskTest {

    @Test
    void callersArrivingDuringARunShareTheNextOne() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CoalescedTask task = new CoalescedTask(() -> {
            if (runs.incrementAndGet() == 1) {
                inFirst.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Thread first = new Thread(task::run);
        first.start();
        assertTrue(inFirst.await(30, TimeUnit.SECONDS));
        List<Thread> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(task::run);
            t.start();
            later.add(t);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (later.stream().anyMatch(t -> t.getState() != Thread.State.WAITING) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        release.countDown();
        first.join(30_000);
        for (Thread t : later) {
            t.join(30_000);
        }
        assertEquals(2, runs.get(), "the first run, then one for the three that came during it");
    }

    @Test
    void everyCallerSeesARunThatBeganAfterItsChange() throws Exception {
        AtomicLong changes = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        CoalescedTask task = new CoalescedTask(() -> seen.set(changes.get()));
        List<Thread> threads = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 200; k++) {
                    long mine = changes.incrementAndGet();
                    task.run();
                    if (seen.get() < mine) {
                        failures.add("change " + mine + " not covered: the run saw " + seen.get());
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertEquals(List.of(), failures);
        assertEquals(1600, changes.get());
    }
}
