package dev.jcompose.planner.execute;

/**
 * What the executor reports as it goes, in docker compose's vocabulary: a resource
 * ({@code Network demo_default}, {@code Container demo-web-1}) and its status word
 * ({@code Creating}, {@code Created}, {@code Starting}, {@code Started}, {@code Waiting},
 * {@code Healthy}, {@code Exited}, {@code Error} …), with a detail for waits and errors.
 */
@FunctionalInterface
public interface ProgressListener {
    void event(String resource, String status, String detail, boolean done);

    ProgressListener NONE = (resource, status, detail, done) -> {
    };
}
