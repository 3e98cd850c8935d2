package dev.jcompose.engine.image.registry;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Work in flight by key (a layer blob's digest): while one task runs the work for a key, another
 * task for the same key waits for it to end and then runs its own work, which finds the first one's
 * result in the store. So two pulls of images that share a layer download and unpack it once, and
 * the second still does it itself when the first failed.
 */
final class InFlight<K> {
    private final ConcurrentHashMap<K, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    /**
     * Runs {@code work} for {@code key} once no other task is running work for it; {@code waiting} is
     * told (once) when this task has to wait.
     */
    <V> V run(K key, Runnable waiting, Callable<V> work) throws Exception {
        boolean told = false;
        while (true) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> other = running.putIfAbsent(key, mine);
            if (other == null) {
                try {
                    return work.call();
                } finally {
                    running.remove(key, mine);
                    mine.complete(null);
                }
            }
            if (!told) {
                waiting.run();
                told = true;
            }
            try {
                other.get();
            } catch (ExecutionException e) {
                // never completed exceptionally; the loop takes the next turn either way
            }
        }
    }

    /** Keys whose work is running now. */
    int size() {
        return running.size();
    }
}
