package dev.jcompose.engine.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Credentials as the docker CLI keeps them in {@code config.json}: {@code credHelpers} (per
 * registry) first, then {@code credsStore} (for all), then inline {@code auths} entries
 * ({@code auth} = base64 of user:password, or {@code identitytoken}). Helpers are the
 * {@code docker-credential-<name>} programs on PATH, asked with {@code get} and the server URL on stdin
 * (the registry's host, or {@code https://index.docker.io/v1/} for Docker Hub), as the docker CLI asks them.
 */
public final class DockerConfigCredentials implements CredentialSource {
    /** The key docker uses for Docker Hub. */
    public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path configFile;
    private final List<Path> helperPath;

    /** Credentials from {@code configFile}, helpers looked up in the engine's {@code PATH}. */
    public DockerConfigCredentials(Path configFile) {
        this(configFile, searchPath(System.getenv("PATH")));
    }

    /** Credentials from {@code configFile}, helpers looked up in {@code helperPath} (directories, in order). */
    public DockerConfigCredentials(Path configFile, List<Path> helperPath) {
        this.configFile = configFile;
        this.helperPath = List.copyOf(helperPath);
    }

    static List<Path> searchPath(String path) {
        if (path == null || path.isEmpty()) {
            return List.of(Path.of("/usr/local/bin"), Path.of("/usr/bin"), Path.of("/bin"));
        }
        return java.util.Arrays.stream(path.split(":")).filter(d -> !d.isEmpty()).map(Path::of).toList();
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    public static DockerConfigCredentials fromEnvironment() {
        String dir = System.getenv("DOCKER_CONFIG");
        Path base = dir != null && !dir.isEmpty() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".docker");
        return new DockerConfigCredentials(base.resolve("config.json"));
    }

    @Override
    public Optional<Credentials> lookup(String registry) {
        if (!Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(configFile.toFile());
        } catch (IOException e) {
            throw new RegistryException("reading credentials from " + configFile + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        String serverUrl = isDockerHub(registry) ? DOCKER_HUB_KEY : registry;
        JsonNode helper = root.path("credHelpers").get(registry);
        if (helper == null && isDockerHub(registry)) {
            helper = root.path("credHelpers").get("docker.io");
        }
        if (helper != null && !helper.asText().isEmpty()) {
            return fromHelper(helper.asText(), serverUrl);
        }
        String store = root.path("credsStore").asText("");
        if (!store.isEmpty()) {
            Optional<Credentials> c = fromHelper(store, serverUrl);
            if (c.isPresent()) {
                return c;
            }
        }
        return fromAuths(root.path("auths"), registry);
    }

    private Optional<Credentials> fromAuths(JsonNode auths, String registry) {
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!hostOf(e.getKey()).equals(registry) && !(isDockerHub(registry) && isDockerHub(hostOf(e.getKey())))) {
                continue;
            }
            JsonNode v = e.getValue();
            String token = v.path("identitytoken").asText("");
            if (!token.isEmpty()) {
                return Optional.of(Credentials.identityToken(token));
            }
            String auth = v.path("auth").asText("");
            if (!auth.isEmpty()) {
                String decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new RegistryException("reading credentials for " + registry + " from " + configFile
                            + ": the auth value is not base64 of user:password", 0);
                }
                return Optional.of(Credentials.basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
            }
            if (v.has("username")) {
                return Optional.of(Credentials.basic(v.path("username").asText(), v.path("password").asText()));
            }
        }
        return Optional.empty();
    }

    private Optional<Credentials> fromHelper(String name, String serverUrl) {
        String program = "docker-credential-" + name;
        Path executable = helperPath.stream().map(d -> d.resolve(program)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new RegistryException("asking " + program + " for credentials for " + serverUrl + ": " + program
                        + " is not in PATH (config.json " + configFile + " names the helper " + name + ")", 0));
        try {
            Process p = new ProcessBuilder(executable.toString(), "get").redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RegistryException("asking " + program + " for credentials for " + serverUrl + ": no answer in 30 s", 0);
            }
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                if (text.toLowerCase().contains("credentials not found")) {
                    return Optional.empty();
                }
                throw new RegistryException("asking " + program + " for credentials for " + serverUrl + ": " + text, 0);
            }
            JsonNode j = JSON.readTree(text);
            String user = j.path("Username").asText("");
            String secret = j.path("Secret").asText("");
            return Optional.of(user.equals("<token>") ? Credentials.identityToken(secret) : Credentials.basic(user, secret));
        } catch (IOException e) {
            throw new RegistryException("asking " + program + " for credentials for " + serverUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("asking " + program + " for credentials: interrupted", e);
        }
    }

    /** A config key's host: {@code https://index.docker.io/v1/} → {@code index.docker.io}. */
    static String hostOf(String key) {
        String k = key.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = k.indexOf('/');
        return slash < 0 ? k : k.substring(0, slash);
    }

    private static boolean isDockerHub(String host) {
        return host.equals("docker.io") || host.equals("index.docker.io") || host.equals("registry-1.docker.io");
    }
}
