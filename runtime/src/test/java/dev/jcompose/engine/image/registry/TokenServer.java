package dev.jcompose.engine.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A token endpoint as Docker Hub's {@code auth.docker.io}: {@code GET /token?service=…&scope=…} with
 * basic credentials, or {@code POST /token} of an OAuth2 form with {@code grant_type=refresh_token} and
 * the user's {@link #identityToken}, answers a JWT (RS256, the signing certificate in the {@code x5c} header) granting
 * the scopes asked for. The key pair and self-signed certificate are made by the JDK's keytool; the
 * registry trusts the certificate ({@link #certificate()} as its {@code rootcertbundle}).
 */
public final class TokenServer implements AutoCloseable {
    public static final String SERVICE = "jcompose-test-registry";
    public static final String ISSUER = "jcompose-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** One token request as received: {@code grant} is {@code basic} for a GET, else the POSTed form's {@code grant_type}. */
    public record Request(String service, List<String> scopes, boolean authorized, String grant) {
    }

    private final HttpServer server;
    private final PrivateKey key;
    private final Certificate cert;
    private final Path certPem;
    private final String expectedAuthorization;
    private final String identityToken;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private TokenServer(Path dir, String user, String password) throws Exception {
        Path keystore = dir.resolve("token.p12");
        certPem = dir.resolve("token.pem");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        keytool(keytool, "-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=jcompose-test-token",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool(keytool, "-exportcert", "-rfc", "-alias", "token", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", certPem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) ks.getKey("token", "changeit".toCharArray());
        cert = ks.getCertificate("token");
        expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        identityToken = "identity-" + user + "-" + Integer.toHexString(password.hashCode());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    /** Starts on a free loopback port; only {@code user}/{@code password} get tokens. */
    public static TokenServer start(Path dir, String user, String password) throws Exception {
        Files.createDirectories(dir);
        return new TokenServer(dir, user, password);
    }

    private static void keytool(Path keytool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(keytool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + out);
        }
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public Path certificate() {
        return certPem;
    }

    public RegistryFixture.TokenAuth auth() {
        return new RegistryFixture.TokenAuth(realm(), SERVICE, ISSUER, certPem);
    }

    /** The refresh token {@code docker login} would have kept as {@code identitytoken} for the user: POSTed with {@code grant_type=refresh_token}. */
    public String identityToken() {
        return identityToken;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void token(HttpExchange ex) throws IOException {
        boolean post = ex.getRequestMethod().equals("POST");
        String query = post ? new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) : ex.getRequestURI().getRawQuery();
        java.util.Map<String, String> form = new java.util.HashMap<>();
        List<String> scopes = new ArrayList<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("scope")) {
                scopes.addAll(List.of(value.split(" ")));
            } else {
                form.put(name, value);
            }
        }
        String service = form.get("service");
        boolean authorized = post ? "refresh_token".equals(form.get("grant_type")) && identityToken.equals(form.get("refresh_token"))
                : expectedAuthorization.equals(ex.getRequestHeaders().getFirst("Authorization"));
        requests.add(new Request(service, scopes, authorized, post ? form.get("grant_type") : "basic"));
        byte[] body;
        int status;
        if (!authorized) {
            status = 401;
            body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}".getBytes(StandardCharsets.UTF_8);
        } else {
            status = 200;
            String jwt = jwt(service, scopes);
            body = JSON.writeValueAsBytes(JSON.createObjectNode().put("token", jwt).put("access_token", jwt).put("expires_in", 300));
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private String jwt(String service, List<String> scopes) throws IOException {
        try {
            ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
            header.putArray("x5c").add(Base64.getEncoder().encodeToString(cert.getEncoded()));
            long now = System.currentTimeMillis() / 1000;
            ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", "tester").put("aud", service)
                    .put("exp", now + 300).put("nbf", now - 10).put("iat", now).put("jti", UUID.randomUUID().toString());
            ArrayNode access = claims.putArray("access");
            for (String scope : scopes) {
                String[] parts = scope.split(":");
                if (parts.length == 3) {
                    ObjectNode a = access.addObject().put("type", parts[0]).put("name", parts[1]);
                    ArrayNode actions = a.putArray("actions");
                    for (String action : parts[2].split(",")) {
                        actions.add(action);
                    }
                }
            }
            String signingInput = URL.encodeToString(JSON.writeValueAsBytes(header)) + "." + URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("signing a token: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
