package dev.jcompose.engine.dns;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;

/**
 * Wire answers already rendered for one {@link NameTable} snapshot, so a repeated local question
 * costs a hash lookup and a copy instead of a dnsjava parse and render.
 *
 * <p>The key is the asker's address and the query's bytes after its ID: the local answer is a
 * function of exactly those (flags, question, EDNS payload size) and of the snapshot, so replaying
 * the stored bytes with the query's ID written in changes nothing an asker can see. A name with
 * several addresses stores one rendering per rotation and takes the next on each hit, as
 * {@link LocalAnswers} rotates. The entries belong to the snapshot they were made from: a swapped
 * table starts an empty cache. At most {@link #MAX_ENTRIES} per snapshot (past that, answers are
 * rendered each time), so a flood of distinct questions cannot grow the engine.
 */
final class AnswerCache {
    static final int MAX_ENTRIES = 16_384;

    private record Generation(NameTable table, ConcurrentHashMap<Object, byte[][]> answers) {
    }

    /** Asker address bytes + query bytes from offset 2, compared by content. */
    static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] asker, byte[] query, int length) {
            this(layout(asker, query, length, new byte[asker.length + 1 + length - 2]), asker.length + 1 + length - 2);
        }

        private Key(byte[] bytes, int length) {
            this.bytes = bytes.length == length ? bytes : Arrays.copyOf(bytes, length);
            this.hash = hash(bytes, length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A reusable lookup key, one per receiver thread, so a question answered from the cache
     * allocates nothing: it is filled with each query in place and looked up as is (the map
     * compares it with the stored {@link Key}s by content and hash); {@link #toKey} makes the
     * immutable key to store under. Given an {@link InetAddress}, its bytes are taken again only
     * when the object changes.
     */
    static final class Probe {
        private final byte[] bytes = new byte[1 + 16 + 65535];
        private InetAddress asker;
        private byte[] askerBytes;
        private int length;
        private int hash;

        /** Fills the probe with {@code asker} and {@code query}'s first {@code length} bytes (at least 2). */
        Probe set(InetAddress asker, byte[] query, int length) {
            if (asker != this.asker) {
                this.asker = asker;
                this.askerBytes = asker.getAddress();
            }
            return set(askerBytes, query, length);
        }

        /** Fills the probe with the asker's address bytes (4 or 16) and {@code query}'s first {@code length} bytes (at least 2). */
        Probe set(byte[] askerAddress, byte[] query, int length) {
            layout(askerAddress, query, length, bytes);
            this.length = askerAddress.length + 1 + length - 2;
            this.hash = hash(bytes, this.length);
            return this;
        }

        /** An immutable copy to store under. */
        Key toKey() {
            return new Key(bytes, length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, 0, k.bytes.length, bytes, 0, length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Writes asker length, asker bytes, query bytes from offset 2 into {@code into}; returns it. */
    private static byte[] layout(byte[] asker, byte[] query, int length, byte[] into) {
        into[0] = (byte) asker.length;
        System.arraycopy(asker, 0, into, 1, asker.length);
        System.arraycopy(query, 2, into, 1 + asker.length, length - 2);
        return into;
    }

    /** {@link Arrays#hashCode(byte[])} of the first {@code length} bytes. */
    private static int hash(byte[] b, int length) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(null, new ConcurrentHashMap<>()));
    private final IntUnaryOperator turn;

    /** {@code turn}: which of n rotated answers is next ({@link LocalAnswers#turn}), so both paths take turns alike. */
    AnswerCache(IntUnaryOperator turn) {
        this.turn = turn;
    }

    /**
     * The stored answer to {@code key} under {@code table} (this turn of it, carrying the ID of the
     * query it was rendered for: the caller writes its own in, into a copy), or null when none is stored.
     * {@code key}: a {@link Key} or a filled {@link Probe}.
     */
    byte[] get(NameTable table, Object key) {
        Generation g = current.get();
        if (g.table != table) {
            return null;
        }
        byte[][] variants = g.answers.get(key);
        if (variants == null) {
            return null;
        }
        return variants[turn.applyAsInt(variants.length)];
    }

    /** Stores the renderings of {@code key}'s answer under {@code table}, one per rotation, in rotation order. */
    void put(NameTable table, Key key, byte[][] variants) {
        Generation g = current.get();
        if (g.table != table) {
            Generation fresh = new Generation(table, new ConcurrentHashMap<>());
            g = current.compareAndSet(g, fresh) ? fresh : current.get();
            if (g.table != table) {
                return;
            }
        }
        if (g.answers.size() < MAX_ENTRIES) {
            g.answers.putIfAbsent(key, variants);
        }
    }
}
