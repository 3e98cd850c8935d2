package dev.jcompose.engine.image.unpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(1).nextBytes(b);
        return b;
    }

    @Test
    void passesEveryByteInOrder() throws IOException {
        byte[] data = random(5_000_000 + 17);
        try (ReadAhead in = ReadAhead.start(new ByteArrayInputStream(data), "t")) {
            assertArrayEquals(data, in.readAllBytes());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void finishReadsTheSourceToItsEnd() throws IOException {
        AtomicLong read = new AtomicLong();
        InputStream counting = new java.io.FilterInputStream(new ByteArrayInputStream(random(3_000_000))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
        try (ReadAhead in = ReadAhead.start(counting, "t")) {
            in.readNBytes(1000);
            in.finish();
        }
        assertEquals(3_000_000, read.get(), "the source was consumed to the end before finish returned");
    }

    @Test
    void aSourceErrorReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
        IOException boom = new IOException("connection reset");
        InputStream failing = new java.io.SequenceInputStream(new ByteArrayInputStream(random(300_000)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw boom;
            }
        });
        try (ReadAhead in = ReadAhead.start(failing, "t")) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertSame(boom, e);
        }
    }

    @Test
    void closeStopsTheThreadWhileTheSourceStillHasData() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 1);
                return len;
            }
        };
        ReadAhead in = ReadAhead.start(endless, "read-ahead-close-test");
        in.readNBytes(10);
        in.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("read-ahead-close-test")),
                "the read-ahead thread ended");
    }
}
