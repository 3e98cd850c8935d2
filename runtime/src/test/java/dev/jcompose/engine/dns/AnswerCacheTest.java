package dev.jcompose.engine.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Keys by asker and query bytes after the ID; entries live only as long as their table snapshot; rotation turns. */
class AnswerCacheTest {
    private final AtomicInteger counter = new AtomicInteger();
    private final AnswerCache cache = new AnswerCache(n -> n == 1 ? 0 : Math.floorMod(counter.getAndIncrement(), n));
    private final NameTable one = new NameTable.Builder().network("n", "10.0.0.0/24").add("n", "web", "10.0.0.2").build();
    private final NameTable two = new NameTable.Builder().network("n", "10.0.0.0/24").add("n", "web", "10.0.0.3").build();
    private static final byte[] ASKER = {10, 0, 0, 9};

    private static byte[] query(int id, byte... rest) {
        byte[] q = new byte[2 + rest.length];
        q[0] = (byte) (id >> 8);
        q[1] = (byte) id;
        System.arraycopy(rest, 0, q, 2, rest.length);
        return q;
    }

    @Test
    void theIdIsNotPartOfTheKeyButTheAskerAndEveryOtherByteAre() {
        byte[] q = query(1, (byte) 1, (byte) 0, (byte) 7);
        byte[] answer = {0, 1, (byte) 0x81};
        cache.put(one, new AnswerCache.Key(ASKER, q, q.length), new byte[][] {answer});
        byte[] sameButId = query(0xbeef, (byte) 1, (byte) 0, (byte) 7);
        assertSame(answer, cache.get(one, new AnswerCache.Key(ASKER, sameButId, sameButId.length)));
        assertNull(cache.get(one, new AnswerCache.Key(new byte[] {10, 0, 0, 8}, q, q.length)), "another asker may see other networks");
        byte[] noRd = query(1, (byte) 0, (byte) 0, (byte) 7);
        assertNull(cache.get(one, new AnswerCache.Key(ASKER, noRd, noRd.length)), "flags are part of the question");
        assertNull(cache.get(one, new AnswerCache.Key(ASKER, q, q.length - 1)), "a shorter query is another query");
        assertNotEquals(new AnswerCache.Key(new byte[] {1, 2, 3, 4}, new byte[] {0, 0, 5}, 3),
                new AnswerCache.Key(new byte[] {1, 2, 3}, new byte[] {0, 0, 4, 5}, 4), "the asker's length separates it from the query");
    }

    @Test
    void aProbeFindsWhatAKeyStoredAndAHitAllocatesNothing() throws Exception {
        byte[] q = query(1, (byte) 1, (byte) 0, (byte) 7);
        byte[] answer = {0, 1, (byte) 0x81};
        InetAddress asker = InetAddress.getByAddress(ASKER);
        AnswerCache.Probe probe = new AnswerCache.Probe();
        assertNull(cache.get(one, probe.set(asker, q, q.length)));
        cache.put(one, probe.toKey(), new byte[][] {answer});
        byte[] sameButId = query(0xbeef, (byte) 1, (byte) 0, (byte) 7);
        assertSame(answer, cache.get(one, probe.set(asker, sameButId, sameButId.length)));
        assertSame(answer, cache.get(one, new AnswerCache.Key(ASKER, q, q.length)), "a probe's key equals the key made from the same bytes");
        assertNull(cache.get(one, probe.set(InetAddress.getByAddress(new byte[] {10, 0, 0, 8}), q, q.length)), "another asker");
        assertNull(cache.get(one, probe.set(asker, q, q.length - 1)), "a shorter query");

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int hits = 0;
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 200_000; i++) {
            sameButId[1] = (byte) i;
            if (cache.get(one, probe.set(asker, sameButId, sameButId.length)) == answer) {
                hits++;
            }
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertEquals(200_000, hits);
        assertTrue(allocated < 200_000, "a cache hit should allocate nothing; 200000 hits allocated " + allocated + " bytes");
    }

    @Test
    void aSwappedTableStartsEmpty() {
        byte[] q = query(1, (byte) 1);
        AnswerCache.Key key = new AnswerCache.Key(ASKER, q, q.length);
        cache.put(one, key, new byte[][] {{0, 1, 2}});
        assertNull(cache.get(two, key), "nothing answered under the old table is served under the new one");
        cache.put(two, key, new byte[][] {{0, 1, 3}});
        assertArrayEquals(new byte[] {0, 1, 3}, cache.get(two, key));
        assertNull(cache.get(one, key), "the old table's entries are gone");
    }

    @Test
    void turnsRotateAndTheSizeIsBounded() {
        byte[] q = query(1, (byte) 1);
        AnswerCache.Key key = new AnswerCache.Key(ASKER, q, q.length);
        byte[] a = {0, 0, 1};
        byte[] b = {0, 0, 2};
        cache.put(one, key, new byte[][] {a, b});
        assertSame(a, cache.get(one, key));
        assertSame(b, cache.get(one, key));
        assertSame(a, cache.get(one, key));
        for (int i = 0; i < AnswerCache.MAX_ENTRIES + 10; i++) {
            byte[] other = query(1, (byte) (i >> 16), (byte) (i >> 8), (byte) i);
            cache.put(one, new AnswerCache.Key(ASKER, other, other.length), new byte[][] {a});
        }
        byte[] last = query(1, (byte) 0xff, (byte) 0xff, (byte) 0xff);
        cache.put(one, new AnswerCache.Key(ASKER, last, last.length), new byte[][] {a});
        assertNull(cache.get(one, new AnswerCache.Key(ASKER, last, last.length)), "past the bound nothing more is stored");
    }
}
