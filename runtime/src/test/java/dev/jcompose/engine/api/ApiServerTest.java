package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP framing of the engine's socket, seen from a raw client as docker's Go client behaves. */
class ApiServerTest {
    @TempDir
    Path dir;

    @Test
    void anErrorFoundBeforeTheBodyWasReadStillLetsASlowClientFinishWritingAndKeepTheConnection() throws Exception {
        Router router = new Router().add("POST", "/containers/{id}/exec", ex -> {
            throw new ApiError(409, "container " + ex.path("id") + " is paused, unpause the container before exec");
        });
        router.add("GET", "/_ping", ex -> ex.sendJson(200, "OK"));
        try (ApiServer server = new ApiServer(dir.resolve("api.sock"), router, new ObjectMapper())) {
            server.start();
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(server.socket()));
                String body = "{\"Cmd\":[\"true\"],\"AttachStdout\":true}";
                write(ch, "POST /v1.47/containers/a/exec HTTP/1.1\r\nHost: api.moby.localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n");
                Thread.sleep(300); // the headers alone reach the engine, which answers at once
                write(ch, body); // before the fix: EPIPE, the engine had closed the connection
                String first = readResponse(ch);
                assertTrue(first.startsWith("HTTP/1.1 409"), first);
                assertTrue(first.contains("{\"message\":\"container a is paused, unpause the container before exec\"}"), first);
                write(ch, "GET /_ping HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n");
                String second = readResponse(ch);
                assertTrue(second.startsWith("HTTP/1.1 200") && second.endsWith("\"OK\"\n"), "the connection is still usable: " + second);
            }
        }
    }

    private static void write(SocketChannel ch, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** One response with a Content-Length body. */
    private static String readResponse(SocketChannel ch) throws IOException {
        StringBuilder got = new StringBuilder();
        ByteBuffer b = ByteBuffer.allocate(4096);
        while (true) {
            int end = got.indexOf("\r\n\r\n");
            if (end >= 0) {
                String head = got.substring(0, end).toLowerCase();
                int at = head.indexOf("content-length:");
                int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 15).lines().findFirst().orElse("0").strip());
                if (got.length() >= end + 4 + length) {
                    return got.substring(0, end + 4 + length);
                }
            }
            b.clear();
            int n = ch.read(b);
            assertTrue(n > 0, "the engine closed the connection after: " + got);
            got.append(new String(b.array(), 0, n, StandardCharsets.UTF_8));
        }
    }
}
