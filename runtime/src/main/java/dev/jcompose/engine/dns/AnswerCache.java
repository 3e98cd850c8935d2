package dev.jcompose.engine.dns;

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

    private record Generation(NameTable table, ConcurrentHashMap<Key, byte[][]> answers) {
    }

    /** Asker address bytes + query bytes from offset 2, compared by content. */
    static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] asker, byte[] query, int length) {
            bytes = new byte[asker.length + 1 + length - 2];
            bytes[0] = (byte) asker.length;
            System.arraycopy(asker, 0, bytes, 1, asker.length);
            System.arraycopy(query, 2, bytes, 1 + asker.length, length - 2);
            hash = Arrays.hashCode(bytes);
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

    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(null, new ConcurrentHashMap<>()));
    private final IntUnaryOperator turn;

    /** {@code turn}: which of n rotated answers is next ({@link LocalAnswers#turn}), so both paths take turns alike. */
    AnswerCache(IntUnaryOperator turn) {
        this.turn = turn;
    }

    /**
     * The stored answer to {@code key} under {@code table} (this turn of it, carrying the ID of the
     * query it was rendered for: the caller writes its own in, into a copy), or null when none is stored.
     */
    byte[] get(NameTable table, Key key) {
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
