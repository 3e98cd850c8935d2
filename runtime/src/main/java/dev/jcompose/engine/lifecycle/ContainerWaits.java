package dev.jcompose.engine.lifecycle;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Who waits for a container's next exit or its removal: {@code wait} (conditions next-exit,
 * not-running, removed), {@code stop}'s grace period, {@code rm -f}. A waiter that comes before the
 * start ({@code docker run} asks for the wait first) gets the future the exit later completes; an
 * exit or a removal lets every waiter of that container go at once.
 */
final class ContainerWaits {
    private final Map<String, CompletableFuture<Integer>> exits = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> removals = new ConcurrentHashMap<>();

    /** The future of container {@code id}'s next exit (made now if nobody waits yet). */
    CompletableFuture<Integer> nextExit(String id) {
        return exits.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /** Lets the waiters for {@code id}'s exit go with {@code code}; later waiters wait for the next one. */
    void exited(String id, int code) {
        Optional.ofNullable(exits.remove(id)).ifPresent(f -> f.complete(code));
    }

    /** Lets the waiters for {@code id}'s removal go. */
    void removed(String id) {
        Optional.ofNullable(removals.remove(id)).ifPresent(f -> f.complete(null));
    }

    /** Blocks until {@code id} is removed; {@code gone} says whether it is already. */
    void awaitRemoval(String id, BooleanSupplier gone) throws InterruptedException {
        CompletableFuture<Void> removal = removals.computeIfAbsent(id, k -> new CompletableFuture<>());
        if (gone.getAsBoolean()) {
            removed(id);
        }
        try {
            removal.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the removal of container " + id + ": " + e.getCause().getMessage(), e);
        }
    }

    /** Waits up to {@code timeout} for {@code exit}; whether it came (an interrupt counts as not, and keeps the flag). */
    static boolean await(CompletableFuture<Integer> exit, Duration timeout) {
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }
}
