package dev.jcompose.engine.image.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream on its own thread, a bounded number of chunks ahead of the consumer: whatever the
 * source does per byte (network reads, hashing, writing the blob file, inflating) runs in parallel
 * with what the consumer does (parsing tar, creating files). A pull's layer thus runs as a
 * pipeline of three threads instead of one. An error in the source is rethrown to the consumer at
 * the point it reached. {@link #finish()} reads to the end and waits for the thread, after which
 * the source's state (its digest) may be read; {@link #close()} stops the thread early. Chunk
 * buffers are recycled (at most {@code DEPTH + 2} per stream): a layer's hundreds of megabytes pass
 * through a few buffers instead of becoming garbage that young collections copy while queued.
 */
public final class ReadAhead extends InputStream {
    private static final int CHUNK = 512 * 1024;
    private static final int DEPTH = 8;
    private static final Chunk EOF = new Chunk(new byte[0], 0);

    /** {@code length} bytes of {@code data}. */
    private record Chunk(byte[] data, int length) {
    }

    private final InputStream source;
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 2);
    private final Thread producer;
    private volatile Throwable failure;
    private volatile boolean closed;
    private Chunk current;
    private int pos;
    private boolean ended;

    private ReadAhead(InputStream source, String name) {
        this.source = source;
        this.producer = new Thread(this::produce, name);
        producer.setDaemon(true);
    }

    /** Starts reading {@code source} ahead on a thread named {@code name}. */
    public static ReadAhead start(InputStream source, String name) {
        ReadAhead r = new ReadAhead(source, name);
        r.producer.start();
        return r;
    }

    private void produce() {
        try {
            while (!closed) {
                byte[] buf = free.poll();
                if (buf == null) {
                    buf = new byte[CHUNK];
                }
                int n = source.readNBytes(buf, 0, CHUNK);
                if (n <= 0) {
                    break;
                }
                chunks.put(new Chunk(buf, n));
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                while (!closed && !chunks.offer(EOF, 100, TimeUnit.MILLISECONDS)) {
                    // the consumer is slow; keep trying until it reads or closes
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || pos == current.length()) {
            if (!next()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.data(), pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean next() throws IOException {
        if (ended) {
            return false;
        }
        if (current != null && current != EOF) {
            free.offer(current.data()); // the producer reuses it; dropped when the pool is full
        }
        try {
            current = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ahead");
        }
        pos = 0;
        if (current == EOF) {
            ended = true;
            rethrow();
            return false;
        }
        return true;
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IOException(t);
        }
    }

    /** Reads and drops the rest, then waits for the thread: the source was read to its end. */
    public void finish() throws IOException {
        byte[] skip = new byte[CHUNK];
        while (read(skip, 0, skip.length) >= 0) {
            // dropped
        }
        join();
    }

    /** Stops reading ahead (the source is left where the thread stopped) and waits for the thread. */
    @Override
    public void close() throws IOException {
        closed = true;
        chunks.clear();
        producer.interrupt();
        join(5);
    }

    private void join() throws IOException {
        join(30);
    }

    private void join(long seconds) throws IOException {
        try {
            producer.join(TimeUnit.SECONDS.toMillis(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the read-ahead thread");
        }
    }
}
