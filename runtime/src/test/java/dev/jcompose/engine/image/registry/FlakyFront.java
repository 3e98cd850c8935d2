package dev.jcompose.engine.image.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP front on a free loopback port for a registry, misbehaving as real ones do: the first
 * request for each manifest has its connection dropped without an answer, the first for each blob
 * gets a 503, and the next blob requests are redirected (307) to the registry itself, as registries
 * redirect to blob storage. Everything else is passed through. It records what it did, one line each.
 */
public final class FlakyFront implements AutoCloseable {
    private final HttpServer server;
    private final int registryPort;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String> log = new CopyOnWriteArrayList<>();

    public FlakyFront(int registryPort) throws IOException {
        this.registryPort = registryPort;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "flaky-front");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** What happened, in order: {@code "reset GET /v2/…"}, {@code "503 GET …"}, {@code "307 GET …"}, {@code "pass GET …"}. */
    public List<String> log() {
        return List.copyOf(log);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String line = ex.getRequestMethod() + " " + path;
        try (ex) {
            if (path.contains("/manifests/") && seen.add(line)) {
                log.add("reset " + line);
                return; // closed without an answer
            }
            if (path.contains("/blobs/") && ex.getRequestMethod().equals("GET")) {
                if (seen.add(line)) {
                    log.add("503 " + line);
                    ex.sendResponseHeaders(503, -1);
                    return;
                }
                log.add("307 " + line);
                ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + registryPort + ex.getRequestURI());
                ex.sendResponseHeaders(307, -1);
                return;
            }
            log.add("pass " + line);
            pass(ex);
        }
    }

    private void pass(HttpExchange ex) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + registryPort + ex.getRequestURI()))
                .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
        for (String h : List.of("Accept", "Authorization")) {
            List<String> v = ex.getRequestHeaders().get(h);
            if (v != null) {
                v.forEach(x -> b.header(h, x));
            }
        }
        HttpResponse<InputStream> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        for (String h : List.of("Content-Type", "Docker-Content-Digest", "WWW-Authenticate", "Location", "Docker-Distribution-Api-Version")) {
            r.headers().allValues(h).forEach(v -> ex.getResponseHeaders().add(h, v));
        }
        long length = r.headers().firstValueAsLong("Content-Length").orElse(0);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(r.statusCode(), head || length == 0 ? -1 : length);
        try (InputStream in = r.body(); OutputStream out = ex.getResponseBody()) {
            if (!head) {
                in.transferTo(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
