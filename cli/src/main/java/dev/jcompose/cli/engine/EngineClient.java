package dev.jcompose.cli.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * between threads. Jackson's databind is set up on first use of a {@link JsonNode} call, not before: {@code ps}
 * reads its one answer with {@link #get(String, JsonDecoder)} (jackson-core's streaming parser alone), which
 * spares a short command about 400 classes.
 */
public final class EngineClient implements AutoCloseable {
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
        return call("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return call("POST", path, body);
    }

    public JsonNode delete(String path) {
        return call("DELETE", path, null);
    }

    /** Decodes a JSON answer as it is read. */
    @FunctionalInterface
    public interface JsonDecoder<T> {
        T decode(JsonParser parser) throws IOException;
    }

    /** {@code GET path}, its answer decoded by {@code decoder} with jackson-core's streaming parser. Errors as {@link #get(String)}. */
    public <T> T get(String path, JsonDecoder<T> decoder) {
        try (UnixHttp.Response resp = send("GET", path, null, CALL_MILLIS); JsonParser parser = Streaming.FACTORY.createParser(resp.body())) {
            return decoder.decode(parser);
        } catch (IOException e) {
            throw failed("GET", path, e);
        }
    }

    /**
     * Sends {@code body} (may be null) and hands each JSON message of the answer's stream
     * (pull progress, load output, events) to {@code onMessage} as it arrives. A message carrying
     * {@code error}/{@code errorDetail} ends the call with an {@link EngineException}.
     */
    public void stream(HttpMethod method, String path, InputStream body, String contentType, Consumer<JsonNode> onMessage) {
        try (UnixHttp.Response resp = send(method.asString(), path, body == null ? null : UnixHttp.Body.of(contentType, body), CALL_MILLIS)) {
            var parser = Mapper.JSON.getFactory().createParser(resp.body());
            var it = Mapper.JSON.readValues(parser, JsonNode.class);
            while (it.hasNextValue()) {
                JsonNode msg = it.nextValue();
                if (msg.hasNonNull("error")) {
                    throw new EngineException(500, msg.path("errorDetail").path("message").asText(msg.path("error").asText()));
                }
                onMessage.accept(msg);
            }
        } catch (IOException e) {
            throw failed(method.asString(), path, e);
        }
    }

    /** A streamed GET answer (logs, attach) as raw bytes; the caller closes it. Errors as {@link #call}. */
    public InputStream openRaw(String path) {
        return openRaw(HttpMethod.GET, path, null);
    }

    /** A streamed answer to {@code method path} with an optional JSON body, as raw bytes (exec start). */
    public InputStream openRaw(HttpMethod method, String path, Object body) {
        return send(method.asString(), path, json(body), RAW_MILLIS).body();
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
        UnixHttp.Response resp = send(method.asString(), path, body == null ? null : UnixHttp.Body.of(contentType, body), CALL_MILLIS);
        HttpFields.Mutable headers = HttpFields.build();
        for (Header h : resp.headers()) {
            headers.add(h.getName(), h.getValue());
        }
        return new RawResponse(resp.status(), headers, resp.body());
    }

    private JsonNode call(String method, String path, Object body) {
        try (UnixHttp.Response resp = send(method, path, json(body), CALL_MILLIS)) {
            byte[] text = resp.body().readAllBytes();
            return text.length == 0 || new String(text, StandardCharsets.UTF_8).isBlank() ? Mapper.JSON.nullNode() : Mapper.JSON.readTree(text);
        } catch (IOException e) {
            throw failed(method, path, e);
        }
    }

    /** The answer to a request, or an {@link EngineException} with the engine's message when its status is 400 or more. */
    private UnixHttp.Response send(String method, String path, UnixHttp.Body body, long headerMillis) {
        UnixHttp.Response resp;
        try {
            resp = UnixHttp.exchange(socket, method, path, body, headerMillis);
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
            return UnixHttp.Body.of("application/json", Mapper.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new EngineException("encoding a request body: " + e.getMessage(), e);
        }
    }

    private EngineException failed(String method, String path, IOException e) {
        return new EngineException(method + " " + path + " on " + socket + ": " + message(e), e);
    }

    private static String message(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The {@code message} of an error answer ({@code {"message":"…"}}), else the whole body. */
    private static String messageOf(String body) {
        try (JsonParser p = Streaming.FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return body;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("message") && p.currentToken().isScalarValue() && p.currentToken() != JsonToken.VALUE_NULL) {
                    return p.getText();
                }
                p.skipChildren();
            }
            return body;
        } catch (IOException e) {
            return body;
        }
    }

    /** Jackson's databind, set up by the first call that needs it. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** jackson-core's parser factory alone. */
    private static final class Streaming {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** Nothing to release: connections are closed with their calls. */
    @Override
    public void close() {
    }
}
