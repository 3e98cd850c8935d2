package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blobs and layers a pull is working with before its image record exists: garbage collection
 * leaves them alone until the lease is closed. Obtain one from {@link ImageStore#lease()}.
 */
public final class Lease implements AutoCloseable {
    private final Set<Digest> held = ConcurrentHashMap.newKeySet();
    private final Set<Lease> registry;

    Lease(Set<Lease> registry) {
        this.registry = registry;
        registry.add(this);
    }

    /** Protects a blob digest or a layer chain ID. */
    public void hold(Digest digest) {
        held.add(digest);
    }

    boolean holds(Digest digest) {
        return held.contains(digest);
    }

    @Override
    public void close() {
        registry.remove(this);
    }
}
