package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker-Engine-API-shaped HTTP server on a Unix domain socket. It only dispatches: every
 * endpoint is a {@link Route} registered on the {@link Router}; errors become Docker's
 * {@code {"message": ...}} bodies with Docker's status codes.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Server server;
    private final Path socket;

    public ApiServer(Path socket, Router router, ObjectMapper json) {
        this.socket = socket;
        QueuedThreadPool pool = new QueuedThreadPool(200, 4);
        pool.setName("api");
        pool.setDaemon(true);
        this.server = new Server(pool);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
        connector.setUnixDomainPath(socket);
        connector.setIdleTimeout(0); // logs -f and attach streams stay open as long as the client wants
        server.addConnector(connector);
        server.setHandler(new Dispatch(router, json));
    }

    /** Binds the socket (replacing a stale one) and starts serving. */
    public void start() throws IOException {
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("starting the API server on " + socket + ": " + e.getMessage(), e);
        }
        Files.setPosixFilePermissions(socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the API server: {}", e.toString());
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("removing {}: {}", socket, e.toString());
        }
    }

    /** How much of an unread request body an error answer reads first, so the client sees the error. */
    private static final long UNREAD_BODY_LIMIT = 1 << 20;

    private static final class Dispatch extends Handler.Abstract {
        private final Router router;
        private final ObjectMapper json;

        Dispatch(Router router, ObjectMapper json) {
            this.router = router;
            this.json = json;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            String path = URLDecoder.decode(request.getHttpURI().getPath(), StandardCharsets.UTF_8);
            Optional<Router.Match> match = router.match(method, path);
            ApiExchange ex = new ApiExchange(request, response,
                    match.map(Router.Match::params).orElse(Map.of()), json, match.map(Router.Match::apiVersion).orElse(null));
            try {
                if (match.isEmpty()) {
                    throw ApiError.notFound("page not found");
                }
                match.get().route().handle(ex);
                callback.succeeded();
            } catch (ApiError e) {
                answerError(ex, e.status(), e.getMessage(), callback);
            } catch (RuntimeException | IOException e) {
                LOG.error("{} {}: {}", method, path, e.toString(), e);
                answerError(ex, 500, e.getMessage() == null ? e.toString() : e.getMessage(), callback);
            }
            return true;
        }

        private void answerError(ApiExchange ex, int status, String message, Callback callback) {
            if (ex.streamed()) {
                callback.failed(new IOException(message)); // headers are gone: the client sees the stream end
                return;
            }
            ex.discardUnreadBody(UNREAD_BODY_LIMIT);
            try {
                ex.sendJson(status, Map.of("message", message));
                callback.succeeded();
            } catch (IOException io) {
                callback.failed(io);
            }
        }
    }
}
