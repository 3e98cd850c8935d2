package dev.jcompose.cli.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentLengthStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.ChunkedInputStream;
import org.apache.hc.core5.http.impl.io.ChunkedOutputStream;
import org.apache.hc.core5.http.impl.io.ContentLengthInputStream;
import org.apache.hc.core5.http.impl.io.ContentLengthOutputStream;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriter;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParser;
import org.apache.hc.core5.http.impl.io.IdentityInputStream;
import org.apache.hc.core5.http.impl.io.SessionInputBufferImpl;
import org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * HTTP/1.1 over a Unix domain socket for the CLI, one connection per exchange ({@code Connection: close}):
 * the JDK's {@link SocketChannel} carries the bytes, httpcore5 writes the request and parses the answer
 * (status line, headers, chunked / content-length / until-close bodies). No client object, thread pool or
 * selector to start, which is what made the CLI's first call slow; a deadline, when given, closes the
 * connection from one shared daemon timer.
 */
final class UnixHttp {
    private static final int BUFFER = 16 * 1024;

    private UnixHttp() {
    }

    /** An answer: status, headers and the body as a stream; closing the body closes the connection (it never reads to the end). */
    record Response(int status, Header[] headers, InputStream body) implements AutoCloseable {
        String header(String name) {
            for (Header h : headers) {
                if (h.getName().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** A request body: its bytes, or a stream of unknown length (sent chunked). */
    record Body(String contentType, byte[] bytes, InputStream stream) {
        static Body of(String contentType, byte[] bytes) {
            return new Body(contentType, bytes, null);
        }

        static Body of(String contentType, InputStream stream) {
            return new Body(contentType, null, stream);
        }
    }

    /**
     * Sends {@code method path} with an optional body and returns once the answer's headers are in.
     * @param headerDeadlineMillis how long the engine may take to answer (its headers), 0 for no limit
     */
    static Response exchange(Path socket, String method, String path, Body body, long headerDeadlineMillis) throws IOException {
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        ScheduledFuture<?> deadline = headerDeadlineMillis > 0 ? Deadlines.closeAfter(ch, headerDeadlineMillis) : null;
        boolean ok = false;
        try {
            InputStream in = ChannelStreams.in(ch);
            OutputStream out = ChannelStreams.out(ch);
            BasicClassicHttpRequest req = new BasicClassicHttpRequest(method, path);
            req.setHeader("Host", "localhost");
            req.setHeader("Connection", "close");
            if (body != null) {
                req.setHeader("Content-Type", body.contentType());
                if (body.bytes() != null) {
                    req.setHeader("Content-Length", Integer.toString(body.bytes().length));
                } else {
                    req.setHeader("Transfer-Encoding", "chunked");
                }
            }
            SessionOutputBufferImpl outBuf = new SessionOutputBufferImpl(BUFFER);
            new DefaultHttpRequestWriter().write(req, outBuf, out);
            if (body != null) {
                writeBody(body, outBuf, out);
            }
            outBuf.flush(out);
            SessionInputBufferImpl inBuf = new SessionInputBufferImpl(BUFFER);
            ClassicHttpResponse resp = new DefaultHttpResponseParser().parse(inBuf, in);
            if (resp == null) {
                throw new IOException("the engine closed the connection without an answer");
            }
            int status = resp.getCode();
            InputStream content = method.equals("HEAD") || status == 204 || status == 304
                    ? InputStream.nullInputStream() : content(resp, inBuf, in);
            if (deadline != null) {
                deadline.cancel(false);
            }
            ok = true;
            return new Response(status, resp.getHeaders(), new Closing(content, ch));
        } catch (HttpException e) {
            throw new IOException("bad HTTP answer: " + e.getMessage(), e);
        } catch (IOException e) {
            if (deadline != null && deadline.isDone()) {
                throw new IOException("no answer within " + headerDeadlineMillis + " ms", e);
            }
            throw e;
        } finally {
            if (!ok) {
                if (deadline != null) {
                    deadline.cancel(false);
                }
                ch.close();
            }
        }
    }

    private static void writeBody(Body body, SessionOutputBufferImpl outBuf, OutputStream out) throws IOException {
        if (body.bytes() != null) {
            try (OutputStream o = new ContentLengthOutputStream(outBuf, out, body.bytes().length)) {
                o.write(body.bytes());
            }
        } else {
            try (OutputStream o = new ChunkedOutputStream(outBuf, out, BUFFER)) {
                body.stream().transferTo(o);
            }
        }
    }

    private static InputStream content(ClassicHttpResponse resp, SessionInputBufferImpl inBuf, InputStream in) throws HttpException {
        long len = DefaultContentLengthStrategy.INSTANCE.determineLength(resp);
        if (len == ContentLengthStrategy.CHUNKED) {
            return new ChunkedInputStream(inBuf, in);
        }
        if (len == ContentLengthStrategy.UNDEFINED) {
            return new IdentityInputStream(inBuf, in);
        }
        return new ContentLengthInputStream(inBuf, in, len);
    }

    /** The body stream; closing it closes the connection at once (httpcore5's streams would read the rest first, forever for a follow). */
    private static final class Closing extends InputStream {
        private final InputStream content;
        private final SocketChannel ch;

        Closing(InputStream content, SocketChannel ch) {
            this.content = content;
            this.ch = ch;
        }

        @Override
        public int read() throws IOException {
            return content.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // httpcore5's streams wait for input even when asked for nothing; InputStream.readNBytes asks that last
            return len == 0 ? 0 : content.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return content.available();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    /** Closes connections whose answer is late, from one daemon thread made on first use. */
    private static final class Deadlines {
        private static final ScheduledThreadPoolExecutor TIMER = timer();

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread th = new Thread(r, "engine-client-deadline");
                th.setDaemon(true);
                return th;
            });
            t.setRemoveOnCancelPolicy(true);
            return t;
        }

        static ScheduledFuture<?> closeAfter(SocketChannel ch, long millis) {
            return TIMER.schedule(() -> {
                try {
                    ch.close();
                } catch (IOException e) {
                    // closing to give up on a late answer; the caller reports the timeout
                }
            }, millis, TimeUnit.MILLISECONDS);
        }
    }
}
