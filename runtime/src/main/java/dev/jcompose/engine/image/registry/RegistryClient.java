package dev.jcompose.engine.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.ref.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GETs from an OCI distribution registry as Docker does: {@code http} for loopback and insecure
 * registries, redirects followed (blob storage), a 401 answered by its {@code WWW-Authenticate}
 * challenge (a bearer token fetched from the realm for the scope and cached — with basic credentials, or
 * for an identity token by OAuth2's refresh_token grant —, or basic credentials
 * from ~/.docker/config.json), retries with backoff on 5xx and connection errors.
 */
public final class RegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryOptions options;
    private final CredentialSource credentials;
    /** Made on the first request: an idle engine that never pulls keeps no TLS context, CA certificates or selector thread. */
    private HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public RegistryClient(RegistryOptions options, CredentialSource credentials) {
        this.options = options;
        this.credentials = credentials;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(options.timeout()).build();
        }
        return http;
    }

    /** How many layer downloads may run at once, over all pulls ({@link RegistryOptions#maxConcurrentDownloads()}). */
    public int maxConcurrentDownloads() {
        return options.maxConcurrentDownloads();
    }

    /** GET {@code /v2/<name>/<path>}; the caller closes the body. 404 and other failures are {@link RegistryException}s. */
    public HttpResponse<InputStream> get(ImageReference ref, String path, String accept) throws IOException, InterruptedException {
        String host = ref.registryHost();
        URI uri = URI.create(options.scheme(host) + "://" + host + "/v2/" + ref.path() + "/" + path);
        String scope = "repository:" + ref.path() + ":pull";
        IOException last = null;
        for (int attempt = 1; attempt <= options.attempts(); attempt++) {
            try {
                HttpResponse<InputStream> r = send(uri, accept, authorization(host, scope));
                if (r.statusCode() == 401) {
                    String auth = authenticate(host, scope, r);
                    r.body().close();
                    r = send(uri, accept, auth);
                }
                if (r.statusCode() >= 500) {
                    r.body().close();
                    last = new IOException("registry " + host + " answered " + r.statusCode());
                } else if (r.statusCode() >= 400) {
                    String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
                    throw new RegistryException(describe(ref, r.statusCode(), body), r.statusCode());
                } else {
                    return r;
                }
            } catch (IOException e) {
                last = e;
            }
            if (attempt < options.attempts()) {
                Thread.sleep(options.backoff().toMillis() << (attempt - 1));
            }
        }
        String why = last == null ? "failed" : last.getMessage() != null ? last.getMessage()
                : "cannot connect (" + last.getClass().getSimpleName() + "; is the registry reachable from this machine?)";
        throw new RegistryException("pulling " + ref + " from " + host + ": " + why, last);
    }

    private HttpResponse<InputStream> send(URI uri, String accept, String auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(options.timeout()).header("User-Agent", options.userAgent());
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http().send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private String authorization(String host, String scope) {
        String token = tokens.get(host + "|" + scope);
        if (token != null) {
            return "Bearer " + token;
        }
        return credentials.lookup(host).filter(c -> c.identityToken() == null).map(Credentials::basicHeader).orElse(null);
    }

    private String authenticate(String host, String scope, HttpResponse<?> r) throws IOException, InterruptedException {
        Optional<AuthChallenge> challenge = AuthChallenge.pick(r.headers().allValues("WWW-Authenticate"));
        if (challenge.isEmpty()) {
            throw new RegistryException("registry " + host + " asks for authentication without saying how", 401);
        }
        AuthChallenge c = challenge.get();
        Optional<Credentials> creds = credentials.lookup(host);
        if (c.scheme().equalsIgnoreCase("basic")) {
            return creds.map(Credentials::basicHeader)
                    .orElseThrow(() -> new RegistryException("registry " + host + " needs a login (docker login " + host + ")", 401));
        }
        String realm = c.realm();
        StringBuilder form = new StringBuilder();
        if (c.service() != null) {
            form.append("service=").append(URLEncoder.encode(c.service(), StandardCharsets.UTF_8)).append('&');
        }
        form.append("scope=").append(URLEncoder.encode(c.scope() != null ? c.scope() : scope, StandardCharsets.UTF_8));
        String identityToken = creds.map(Credentials::identityToken).orElse(null);
        HttpRequest.Builder b;
        if (identityToken != null) {
            // docker login's identity token is an OAuth2 refresh token: POSTed to the realm for an access token, as docker does
            form.append("&grant_type=refresh_token&client_id=jcompose&refresh_token=").append(URLEncoder.encode(identityToken, StandardCharsets.UTF_8));
            b = HttpRequest.newBuilder(URI.create(realm)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        } else {
            b = HttpRequest.newBuilder(URI.create(realm + (realm.contains("?") ? "&" : "?") + form)).GET();
            creds.ifPresent(x -> b.header("Authorization", x.basicHeader()));
        }
        HttpResponse<byte[]> t = http().send(b.timeout(options.timeout()).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (t.statusCode() != 200) {
            throw new RegistryException("getting a token from " + realm + " for " + scope + ": status " + t.statusCode(), t.statusCode());
        }
        var json = JSON.readTree(t.body());
        String token = json.hasNonNull("token") ? json.get("token").asText() : json.path("access_token").asText();
        tokens.put(host + "|" + scope, token);
        return "Bearer " + token;
    }

    private static String describe(ImageReference ref, int status, String body) {
        if (status == 404) {
            return "manifest for " + ref.familiarString() + " not found: manifest unknown";
        }
        if (status == 401 || status == 403) {
            return "pull access denied for " + ref.familiarName() + ", repository does not exist or may require 'docker login'";
        }
        return "pulling " + ref + ": registry answered " + status + (body.isBlank() ? "" : ": " + body.strip());
    }
}
