package dev.jcompose.cli.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;

/**
 * A Docker-Engine-API client over a Unix socket: jcompose's own engine, or a real Docker engine at
 * {@code /var/run/docker.sock}. Errors carry the engine's {@code message}.
 */
public final class EngineClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path socket;
    private final HttpClient http;

    private EngineClient(Path socket, HttpClient http) {
        this.socket = socket;
        this.http = http;
    }

    public static EngineClient open(Path socket) {
        HttpClient http = new HttpClient(new HttpClientTransportOverHTTP(ClientConnector.forUnixDomain(socket)));
        http.setName("engine-client");
        try {
            http.start();
        } catch (Exception e) {
            throw new EngineException("starting the HTTP client for " + socket + ": " + e.getMessage(), e);
        }
        return new EngineClient(socket, http);
    }

    public Path socket() {
        return socket;
    }

    /** True when the engine answers {@code /_ping} within {@code timeoutMillis}. */
    public boolean ping(long timeoutMillis) {
        try {
            return http.newRequest("http://localhost/_ping").timeout(timeoutMillis, TimeUnit.MILLISECONDS).send().getStatus() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
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
    public void stream(HttpMethod method, String path, java.io.InputStream body, String contentType,
                       java.util.function.Consumer<JsonNode> onMessage) {
        try {
            var req = http.newRequest("http://localhost" + path).method(method).idleTimeout(0, TimeUnit.MILLISECONDS);
            if (body != null) {
                req.body(new org.eclipse.jetty.client.InputStreamRequestContent(contentType, body));
            }
            var listener = new org.eclipse.jetty.client.InputStreamResponseListener();
            req.send(listener);
            var resp = listener.get(5, TimeUnit.MINUTES);
            try (java.io.InputStream in = listener.getInputStream()) {
                if (resp.getStatus() >= 400) {
                    throw new EngineException(resp.getStatus(), messageOf(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                }
                var parser = JSON.getFactory().createParser(in);
                var it = JSON.readValues(parser, JsonNode.class);
                while (it.hasNextValue()) {
                    JsonNode msg = it.nextValue();
                    if (msg.hasNonNull("error")) {
                        throw new EngineException(500, msg.path("errorDetail").path("message").asText(msg.path("error").asText()));
                    }
                    onMessage.accept(msg);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(method + " " + path + ": interrupted", e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new EngineException(method + " " + path + " on " + socket + ": " + e.getMessage(), e);
        }
    }

    /** A streamed GET answer (logs, attach) as raw bytes; the caller closes it. Errors as {@link #call}. */
    public java.io.InputStream openRaw(String path) {
        return openRaw(HttpMethod.GET, path, null);
    }

    /** A streamed answer to {@code method path} with an optional JSON body, as raw bytes (exec start). */
    public java.io.InputStream openRaw(HttpMethod method, String path, Object body) {
        try {
            var listener = new org.eclipse.jetty.client.InputStreamResponseListener();
            var req = http.newRequest("http://localhost" + path).method(method).idleTimeout(0, TimeUnit.MILLISECONDS);
            if (body != null) {
                req.body(new StringRequestContent("application/json", JSON.writeValueAsString(body)));
            }
            req.send(listener);
            var resp = listener.get(1, TimeUnit.MINUTES);
            java.io.InputStream in = listener.getInputStream();
            if (resp.getStatus() >= 400) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                in.close();
                throw new EngineException(resp.getStatus(), messageOf(text));
            }
            return in;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("GET " + path + ": interrupted", e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new EngineException("GET " + path + " on " + socket + ": " + e.getMessage(), e);
        }
    }

    /** A streamed answer with its headers (archive endpoints); the caller closes {@code body}. */
    public record RawResponse(int status, org.eclipse.jetty.http.HttpFields headers, java.io.InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * {@code method path} with an optional streamed body of {@code contentType} (a tar for PUT archive); the answer's
     * status, headers and body as a stream. Errors (status ≥ 400) as {@link #call}.
     */
    public RawResponse exchange(HttpMethod method, String path, java.io.InputStream body, String contentType) {
        try {
            var listener = new org.eclipse.jetty.client.InputStreamResponseListener();
            var req = http.newRequest("http://localhost" + path).method(method).idleTimeout(0, TimeUnit.MILLISECONDS);
            if (body != null) {
                req.body(new org.eclipse.jetty.client.InputStreamRequestContent(contentType, body));
            }
            req.send(listener);
            var resp = listener.get(5, TimeUnit.MINUTES);
            java.io.InputStream in = listener.getInputStream();
            if (resp.getStatus() >= 400) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                in.close();
                throw new EngineException(resp.getStatus(), text.isBlank() ? method + " " + path + ": status " + resp.getStatus() : messageOf(text));
            }
            return new RawResponse(resp.getStatus(), resp.getHeaders(), in);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(method + " " + path + ": interrupted", e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new EngineException(method + " " + path + " on " + socket + ": " + e.getMessage(), e);
        }
    }

    private JsonNode call(HttpMethod method, String path, Object body) {
        try {
            var req = http.newRequest("http://localhost" + path).method(method).timeout(5, TimeUnit.MINUTES);
            if (body != null) {
                req.body(new StringRequestContent("application/json", JSON.writeValueAsString(body)));
            }
            ContentResponse resp = req.send();
            String text = resp.getContentAsString();
            if (resp.getStatus() >= 400) {
                throw new EngineException(resp.getStatus(), messageOf(text));
            }
            return text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(method + " " + path + ": interrupted", e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new EngineException(method + " " + path + " on " + socket + ": " + e.getMessage(), e);
        }
    }

    private static String messageOf(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.path("message").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // closing a client we are done with; nothing to report
        }
    }
}
