package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * Chain IDs (OCI image spec): a layer stack's identity. The base layer's chain ID is its diff ID;
 * each next one is {@code sha256(parentChainID + " " + diffID)}. Equal chain IDs mean equal
 * unpacked stacks, so layers are unpacked and stored once per chain ID and shared between images.
 */
public final class ChainId {
    private ChainId() {
    }

    public static Digest next(Digest parentChain, Digest diffId) {
        return parentChain == null ? diffId : Digest.of(parentChain + " " + diffId);
    }

    /** The chain ID of every prefix of the stack, base first. */
    public static List<Digest> of(List<Digest> diffIds) {
        List<Digest> out = new ArrayList<>(diffIds.size());
        Digest parent = null;
        for (Digest d : diffIds) {
            parent = next(parent, d);
            out.add(parent);
        }
        return out;
    }
}
