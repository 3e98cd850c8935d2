package dev.jcompose.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A "hijacked" connection as the docker CLI makes it for attach and exec start: the request goes
 * with {@code Connection: Upgrade}, {@code Upgrade: tcp}; after the engine's {@code 101} the socket
 * carries the process's input one way ({@link #input}, half-closed by {@link #closeInput}) and its
 * output the other ({@link #output}: raw under a TTY, else Docker's multiplexed frames).
 */
public final class HijackedStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final InputStream output;
    private final OutputStream input;

    private HijackedStream(SocketChannel channel, InputStream output) {
        this.channel = channel;
        this.output = output;
        this.input = ChannelStreams.out(channel);
    }

    /** POSTs {@code path} with the JSON {@code body} (may be null) and takes the connection over. */
    public static HijackedStream post(Path socket, String path, JsonNode body) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            byte[] content = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
            String head = "POST " + path + " HTTP/1.1\r\nHost: api.moby.localhost\r\nUser-Agent: jcompose\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n"
                    + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
            OutputStream out = ChannelStreams.out(ch);
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = ChannelStreams.in(ch);
            int status = readHead(in, path);
            if (status >= 300) {
                throw new EngineException(status, message(in.readAllBytes(), status));
            }
            return new HijackedStream(ch, in);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new EngineException("POST " + path + " on " + socket + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** Reads the status line and headers byte by byte (what follows is already the stream); the status code. */
    private static int readHead(InputStream in, String path) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the engine closed the connection before answering " + path);
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        String[] status = text.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer to " + path + ": " + text.lines().findFirst().orElse(""));
        }
        return Integer.parseInt(status[1]);
    }

    private static String message(byte[] body, int status) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode m = JSON.readTree(text).path("message");
            if (!m.isMissingNode()) {
                return m.asText();
            }
        } catch (IOException e) {
            // not JSON: the text as it is
        }
        return text.isEmpty() ? "status " + status : text;
    }

    /** The process's output (until it ends). */
    public InputStream output() {
        return output;
    }

    /** The process's input. */
    public OutputStream input() {
        return input;
    }

    /** Tells the engine the input has ended (half-close), as the docker CLI does with CloseWrite. */
    public void closeInput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            // the connection is gone already
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
