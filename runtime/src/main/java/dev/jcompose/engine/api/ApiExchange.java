package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * One API call as a handler sees it: path parameters, query parameters, the JSON body, and ways to
 * answer (a JSON value, an empty status, or a stream for logs, attach and progress).
 */
public final class ApiExchange {
    private final Request request;
    private final Response response;
    private final Map<String, String> pathParams;
    private final Fields query;
    private final ObjectMapper json;
    private final String apiVersion;
    private OutputStream stream;
    private boolean upgraded;
    private boolean bodyTaken;

    ApiExchange(Request request, Response response, Map<String, String> pathParams, ObjectMapper json, String apiVersion) {
        this.request = request;
        this.response = response;
        this.pathParams = Map.copyOf(pathParams);
        this.query = Request.extractQueryParameters(request);
        this.json = json;
        this.apiVersion = apiVersion;
    }

    /** The API version the client asked for in the path ({@code /v1.47/...}), or null when it gave none. */
    public String apiVersion() {
        return apiVersion;
    }

    public String method() {
        return request.getMethod();
    }

    public String path(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return v;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.getValue(name));
    }

    public List<String> queryAll(String name) {
        return query.getValues(name);
    }

    /** Docker's boolean query values: 1/true/True are true; absent is {@code dflt}. */
    public boolean queryBool(String name, boolean dflt) {
        return query(name).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(dflt);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    public InputStream body() {
        bodyTaken = true;
        return Content.Source.asInputStream(request);
    }

    /**
     * Reads and drops a body no handler read, up to {@code limit} bytes, before an early answer (an
     * error found before the body was needed). Without this Jetty closes the connection with the body
     * still on its way, and a client still writing it (docker's {@code POST /containers/x/exec}) gets
     * EPIPE instead of the error.
     */
    void discardUnreadBody(long limit) {
        if (bodyTaken || upgraded) {
            return;
        }
        bodyTaken = true;
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] buf = new byte[8192];
            long left = limit;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: the answer will fail the same way and be logged there
        }
    }

    /** The request body as JSON of type {@code type}; an empty body gives null. */
    public <T> T bodyJson(Class<T> type) {
        try (InputStream in = body()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? null : json.readValue(bytes, type);
        } catch (IOException e) {
            throw ApiError.badRequest("invalid JSON body: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    public void sendJson(int status, Object value) throws IOException {
        byte[] bytes = json.writeValueAsBytes(value);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length + 1);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(bytes);
            out.write('\n');
        }
    }

    public void sendText(int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(bytes);
        }
    }

    public void sendStatus(int status) throws IOException {
        response.setStatus(status);
        Content.Sink.asOutputStream(response).close();
    }

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Starts a streamed answer: the caller writes to the stream and closes it when done. */
    public OutputStream openStream(int status, String contentType) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        stream = Content.Sink.asOutputStream(response);
        return stream;
    }

    boolean streamed() {
        return stream != null || upgraded;
    }

    /** Whether the client asked to take the connection over ({@code Connection: Upgrade}, {@code Upgrade: tcp}). */
    public boolean wantsUpgrade() {
        return header("Upgrade").map(u -> u.equalsIgnoreCase("tcp")).orElse(false);
    }

    /**
     * Answers {@code 101 Switching Protocols} and, once the answer is sent, hands the raw connection to
     * {@code session} on a thread of its own (Docker's hijacked attach and exec streams).
     */
    void upgrade(String contentType, HijackedConnection.Session session, String threadName) {
        response.setStatus(101);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
        response.getHeaders().put(HttpHeader.UPGRADE, "tcp");
        var meta = request.getConnectionMetaData();
        request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE,
                new HijackedConnection(meta.getConnection().getEndPoint(), meta.getConnector().getExecutor(), session, threadName));
        upgraded = true;
    }
}
