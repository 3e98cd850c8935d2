package dev.jcompose.cli.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.hc.core5.http.Header;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;

/**
 * A Docker-Engine-API client over a Unix socket: jcompose's own engine, or a real Docker engine at
 * {@code /var/run/docker.sock}. Errors carry the engine's {@code message}. Each call is one connection
 * ({@link UnixHttp}); nothing is started when the client is opened, and the client is safe to share
 * between threads.
 */
public final class EngineClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final long CALL_MILLIS = 5 * 60_000;
    private static final long RAW_MILLIS = 60_000;

    private final Path socket;

    private EngineClient(Path socket) {
        this.socket = socket;
    }

    public static EngineClient open(Path socket) {
        return new EngineClient(socket);
    }

    public Path socket() {
        return socket;
    }

    /** True when the engine answers {@code /_ping} within {@code timeoutMillis}. */
    public boolean ping(long timeoutMillis) {
        try (UnixHttp.Response r = UnixHttp.exchange(socket, "GET", "/_ping", null, timeoutMillis)) {
            return r.status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public JsonNode get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    public JsonNode post(String path, Object body) {
        return call(HttpMethod.POST, path, body);
    }

    public JsonNode delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    /**
     * Sends {@code body} (may be null) and hands each JSON message of the answer's stream
     * (pull progress, load output, events) to {@code onMessage} as it arrives. A message carrying
     * {@code error}/{@code errorDetail} ends the call with an {@link EngineException}.
     */
    public void stream(HttpMethod method, String path, InputStream body, String contentType, Consumer<JsonNode> onMessage) {
        try (UnixHttp.Response resp = send(method, path, body == null ? null : UnixHttp.Body.of(contentType, body), CALL_MILLIS)) {
            var parser = JSON.getFactory().createParser(resp.body());
            var it = JSON.readValues(parser, JsonNode.class);
            while (it.hasNextValue()) {
                JsonNode msg = it.nextValue();
                if (msg.hasNonNull("error")) {
                    throw new EngineException(500, msg.path("errorDetail").path("message").asText(msg.path("error").asText()));
                }
                onMessage.accept(msg);
            }
        } catch (IOException e) {
            throw failed(method, path, e);
        }
    }

    /** A streamed GET answer (logs, attach) as raw bytes; the caller closes it. Errors as {@link #call}. */
    public InputStream openRaw(String path) {
        return openRaw(HttpMethod.GET, path, null);
    }

    /** A streamed answer to {@code method path} with an optional JSON body, as raw bytes (exec start). */
    public InputStream openRaw(HttpMethod method, String path, Object body) {
        return send(method, path, json(body), RAW_MILLIS).body();
    }

    /** A streamed answer with its headers (archive endpoints); the caller closes {@code body}. */
    public record RawResponse(int status, HttpFields headers, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * {@code method path} with an optional streamed body of {@code contentType} (a tar for PUT archive); the answer's
     * status, headers and body as a stream. Errors (status ≥ 400) as {@link #call}.
     */
    public RawResponse exchange(HttpMethod method, String path, InputStream body, String contentType) {
        UnixHttp.Response resp = send(method, path, body == null ? null : UnixHttp.Body.of(contentType, body), CALL_MILLIS);
        HttpFields.Mutable headers = HttpFields.build();
        for (Header h : resp.headers()) {
            headers.add(h.getName(), h.getValue());
        }
        return new RawResponse(resp.status(), headers, resp.body());
    }

    private JsonNode call(HttpMethod method, String path, Object body) {
        try (UnixHttp.Response resp = send(method, path, json(body), CALL_MILLIS)) {
            byte[] text = resp.body().readAllBytes();
            return text.length == 0 || new String(text, StandardCharsets.UTF_8).isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw failed(method, path, e);
        }
    }

    /** The answer to a request, or an {@link EngineException} with the engine's message when its status is 400 or more. */
    private UnixHttp.Response send(HttpMethod method, String path, UnixHttp.Body body, long headerMillis) {
        UnixHttp.Response resp;
        try {
            resp = UnixHttp.exchange(socket, method.asString(), path, body, headerMillis);
        } catch (IOException e) {
            throw failed(method, path, e);
        }
        if (resp.status() >= 400) {
            String text;
            try (resp) {
                text = new String(resp.body().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw new EngineException(resp.status(), text.isBlank() ? method + " " + path + ": status " + resp.status() : messageOf(text));
        }
        return resp;
    }

    private static UnixHttp.Body json(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return UnixHttp.Body.of("application/json", JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new EngineException("encoding a request body: " + e.getMessage(), e);
        }
    }

    private EngineException failed(HttpMethod method, String path, IOException e) {
        return new EngineException(method + " " + path + " on " + socket + ": " + message(e), e);
    }

    private static String message(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String messageOf(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.path("message").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    /** Nothing to release: connections are closed with their calls. */
    @Override
    public void close() {
    }
}
