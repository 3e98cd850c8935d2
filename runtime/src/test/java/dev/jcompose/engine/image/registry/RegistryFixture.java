package dev.jcompose.engine.image.registry;

import dev.jcompose.engine.image.ref.Digest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} (CNCF distribution) serving on a free loopback port with its own
 * storage directory, optionally behind htpasswd basic auth or token auth; {@link #close()} stops it
 * by its PID and removes its storage. Tests skip with {@link #missingTools()} when a tool is absent.
 */
public final class RegistryFixture implements AutoCloseable {
    public static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    private static final List<Path> TOOLS = List.of(REGISTRY, Path.of("/usr/bin/skopeo"), Path.of("/usr/bin/umoci"), Path.of("/bin/busybox"));

    /** How clients must authenticate. */
    public sealed interface Auth permits NoAuth, BasicAuth, TokenAuth {
    }

    public record NoAuth() implements Auth {
    }

    /** htpasswd basic auth; the file is made with {@code htpasswd -B} (Debian's apache2-utils). */
    public record BasicAuth(String user, String password) implements Auth {
    }

    /** Bearer tokens from {@code realm}, signed by the key whose certificate is {@code rootCertBundle}. */
    public record TokenAuth(String realm, String service, String issuer, Path rootCertBundle) implements Auth {
    }

    private final Path dir;
    private final Process process;
    private final int port;

    private RegistryFixture(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Null when the registry, skopeo, umoci and busybox-static are installed; else what is missing. */
    public static String missingTools() {
        for (Path tool : TOOLS) {
            if (!Files.isExecutable(tool)) {
                return "needs " + tool + " (Debian packages docker-registry, skopeo, umoci, busybox-static)";
            }
        }
        return null;
    }

    public static RegistryFixture start(Path dir) throws Exception {
        return start(dir, new NoAuth());
    }

    public static RegistryFixture start(Path dir, Auth auth) throws Exception {
        Files.createDirectories(dir);
        String authConfig = authConfig(dir, auth);
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path config = dir.resolve("registry.yml");
            Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage")
                    + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n" + authConfig);
            Process p = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("registry.log").toFile()).start();
            if (awaitListening(p, port)) {
                return new RegistryFixture(dir, p, port);
            }
            stop(p);
            if (attempt == 3) {
                throw new IllegalStateException("docker-registry did not start on 127.0.0.1:" + port + ": "
                        + Files.readString(dir.resolve("registry.log")));
            }
        }
    }

    private static String authConfig(Path dir, Auth auth) throws Exception {
        if (auth instanceof BasicAuth b) {
            Path htpasswd = dir.resolve("htpasswd");
            Process p = new ProcessBuilder("htpasswd", "-Bbn", b.user(), b.password()).redirectOutput(htpasswd.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("htpasswd -Bbn failed (exit " + p.exitValue() + ")");
            }
            return "auth:\n  htpasswd:\n    realm: jcompose-test\n    path: " + htpasswd + "\n";
        }
        if (auth instanceof TokenAuth t) {
            return "auth:\n  token:\n    realm: " + t.realm() + "\n    service: " + t.service() + "\n    issuer: " + t.issuer()
                    + "\n    rootcertbundle: " + t.rootCertBundle() + "\n";
        }
        return "";
    }

    /** Whether htpasswd (Debian's apache2-utils) is installed, for basic-auth registries. */
    public static boolean hasHtpasswd() {
        return Files.isExecutable(Path.of("/usr/bin/htpasswd"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean awaitListening(Process p, int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    /** {@code 127.0.0.1:<port>}, the registry part of references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Where the registry keeps a blob's bytes (tests corrupt it to check verification). */
    public Path blobData(Digest digest) {
        return dir.resolve("storage/docker/registry/v2/blobs/sha256").resolve(digest.hex().substring(0, 2)).resolve(digest.hex()).resolve("data");
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("registry.log"));
    }

    @Override
    public void close() throws Exception {
        stop(process);
        dev.jcompose.engine.image.unpack.FileTrees.deleteRecursively(dir.resolve("storage"));
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
