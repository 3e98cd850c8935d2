package dev.jcompose.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.FutureCallback;

/**
 * The raw connection after {@code 101 Switching Protocols} ({@code Upgrade: tcp}), as Docker's
 * "hijacked" attach and exec streams use it: Jetty hands over the endpoint, and one session thread
 * reads and writes it with blocking streams ({@link #in()}, {@link #out()}). Bytes the client sent
 * right after the request head (Jetty may have read them already) are read first.
 */
final class HijackedConnection extends AbstractConnection implements Connection.UpgradeTo {
    /** What runs on the connection once it is ours; it closes the connection when done. */
    @FunctionalInterface
    interface Session {
        void run(HijackedConnection connection) throws IOException;
    }

    private final ByteBuffer input = BufferUtil.allocate(16 * 1024);
    private final Semaphore readable = new Semaphore(0);
    private final Session session;
    private final String name;
    private final InputStream in = new In();
    private final OutputStream out = new Out();

    HijackedConnection(EndPoint endPoint, Executor executor, Session session, String name) {
        super(endPoint, executor);
        this.session = session;
        this.name = name;
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffered) {
        if (BufferUtil.hasContent(buffered)) {
            BufferUtil.append(input, buffered);
        }
    }

    @Override
    public void onOpen() {
        super.onOpen();
        Thread t = new Thread(() -> {
            try {
                session.run(this);
            } catch (IOException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(HijackedConnection.class).debug("{}: {}", name, e.toString());
            } finally {
                getEndPoint().close();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void onFillable() {
        readable.release();
    }

    @Override
    protected void onFillInterestedFailed(Throwable cause) {
        readable.release(); // the next fill reports the end or the failure
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        readable.release();
    }

    @Override
    public boolean onIdleExpired(java.util.concurrent.TimeoutException timeout) {
        return false; // a hijacked stream lives as long as the client and the process want
    }

    /** What the client sends (stdin); -1 once it closed its side or the connection ended. */
    InputStream in() {
        return in;
    }

    /** To the client; each write is complete when it returns. */
    OutputStream out() {
        return out;
    }

    /** Tells the client there is no more output (half-close), keeping the input open. */
    void shutdownOutput() {
        getEndPoint().shutdownOutput();
    }

    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (true) {
                if (input.hasRemaining()) {
                    int n = Math.min(len, input.remaining());
                    input.get(b, off, n);
                    return n;
                }
                if (!getEndPoint().isOpen() || getEndPoint().isInputShutdown()) {
                    return -1;
                }
                BufferUtil.clear(input);
                int n;
                try {
                    n = getEndPoint().fill(input);
                } catch (IOException e) {
                    return -1;
                }
                if (n < 0) {
                    return -1;
                }
                if (n == 0) {
                    readable.drainPermits();
                    fillInterested();
                    try {
                        readable.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading the hijacked stream");
                    }
                }
            }
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            FutureCallback done = new FutureCallback();
            getEndPoint().write(done, ByteBuffer.wrap(b, off, len));
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the hijacked stream");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }
}
