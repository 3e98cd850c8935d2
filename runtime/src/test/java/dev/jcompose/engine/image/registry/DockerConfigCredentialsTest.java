package dev.jcompose.engine.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code auths} part of {@code config.json} (helpers are exercised against a real registry in RegistryPullerTest). */
class DockerConfigCredentialsTest {
    @TempDir
    Path dir;

    private DockerConfigCredentials config(String json) throws Exception {
        Path p = dir.resolve("config.json");
        Files.writeString(p, json);
        return new DockerConfigCredentials(p, List.of(dir));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void authsByHostWithOrWithoutSchemeAndDockerHubUnderItsLegacyKey() throws Exception {
        DockerConfigCredentials c = config("""
                {"auths":{
                  "https://index.docker.io/v1/":{"auth":"%s"},
                  "https://registry.example.com/v2/":{"auth":"%s"},
                  "tokens.example.com":{"identitytoken":"tok-123"},
                  "split.example.com":{"username":"u","password":"p"}}}""".formatted(b64("hubuser:hub:pw"), b64("me:secret")));
        assertEquals(Optional.of(Credentials.basic("hubuser", "hub:pw")), c.lookup("docker.io"), "only the first colon splits");
        assertEquals(Optional.of(Credentials.basic("hubuser", "hub:pw")), c.lookup("registry-1.docker.io"));
        assertEquals(Optional.of(Credentials.basic("me", "secret")), c.lookup("registry.example.com"));
        assertEquals(Optional.of(Credentials.identityToken("tok-123")), c.lookup("tokens.example.com"));
        assertEquals(Optional.of(Credentials.basic("u", "p")), c.lookup("split.example.com"));
        assertEquals(Optional.empty(), c.lookup("other.example.com"));
    }

    @Test
    void noConfigFileIsNoCredentialsAndABadAuthValueSaysWhere() throws Exception {
        assertEquals(Optional.empty(), new DockerConfigCredentials(dir.resolve("absent.json"), List.of()).lookup("docker.io"));
        DockerConfigCredentials bad = config("{\"auths\":{\"r.example.com\":{\"auth\":\"" + b64("nocolon") + "\"}}}");
        RegistryException e = assertThrows(RegistryException.class, () -> bad.lookup("r.example.com"));
        assertEquals("reading credentials for r.example.com from " + dir.resolve("config.json")
                + ": the auth value is not base64 of user:password", e.getMessage());
    }
}
