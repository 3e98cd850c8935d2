package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.image.registry.OciImages;
import dev.jcompose.engine.image.registry.RegistryFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker pull through the engine from a real registry on loopback (Debian's docker-registry), images pushed by skopeo. */
@Tag("root")
class RegistryPullTest {
    @TempDir
    Path dir;
    private Engine engine;
    private DockerCli cli;
    private RegistryFixture registry;
    private OciImages images;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: umoci unpack and containers");
        String missing = RegistryFixture.missingTools();
        assumeTrue(missing == null, missing);
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI (client only)");
        registry = RegistryFixture.start(dir.resolve("registry"));
        images = new OciImages(dir.resolve("build"));
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        cli = new DockerCli(docker, engine.config().socket(), dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.removeEverything();
            engine.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void pullByTagAndDigestThenRun() throws Exception {
        images.busybox("tiny", "ln -s busybox bin/echo");
        images.push("tiny", registry.host() + "/tiny:1");
        String ref = registry.host() + "/tiny:1";
        String pulled = cli.ok("pull", ref);
        assertTrue(pulled.contains("Pull complete") && pulled.contains("Digest: sha256:"), pulled);
        String id = cli.ok("image", "inspect", "--format", "{{.Id}}", ref);
        String digestRef = cli.ok("image", "inspect", "--format", "{{index .RepoDigests 0}}", ref);
        assertTrue(digestRef.startsWith(registry.host() + "/tiny@sha256:"), digestRef);
        String again = cli.ok("pull", ref);
        assertTrue(again.contains("Already exists") || again.contains("Digest:"), again);
        assertEquals(id, cli.ok("image", "inspect", "--format", "{{.Id}}", ref), "the same image, by config digest");
        String byDigest = cli.ok("pull", digestRef);
        assertTrue(byDigest.contains("Digest: " + digestRef.substring(digestRef.indexOf('@') + 1)), byDigest);
        assertEquals(id, cli.ok("image", "inspect", "--format", "{{.Id}}", digestRef), "pulled by digest: the same image");

        images.push("tiny", registry.host() + "/tiny:v2s2", "--format", "v2s2");
        assertEquals("application/vnd.docker.distribution.manifest.v2+json",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(images.remoteManifest(registry.host() + "/tiny:v2s2"))
                        .path("mediaType").asText(), "skopeo pushed a Docker v2 schema 2 manifest");
        String v2s2 = cli.ok("pull", registry.host() + "/tiny:v2s2");
        assertTrue(v2s2.contains("Digest: sha256:"), v2s2);
        assertEquals(id, cli.ok("image", "inspect", "--format", "{{.Id}}", registry.host() + "/tiny:v2s2"),
                "the Docker-format manifest names the same config: the same image");
        cli.ok("run", "-d", "--name", "p1", ref, "sh", "-c", "echo pulled-and-running; sleep 5");
        long deadline = System.currentTimeMillis() + 5000;
        String logs = "";
        while (System.currentTimeMillis() < deadline && !logs.contains("pulled-and-running")) {
            logs = cli.ok("logs", "p1");
            Thread.sleep(100);
        }
        assertEquals("pulled-and-running", logs);
        DockerCli.Result missing = cli.run("pull", registry.host() + "/nope:1");
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("not found"), missing.err());
    }

    /**
     * The pull stream as docker and docker compose read it: each layer's messages carry {@code progressDetail}
     * (compose shows no message without one), {@code Downloading} and {@code Extracting} count up to the
     * layer's compressed size, in dockerd's order; {@code Pulling from} and the status line carry none.
     */
    @Test
    void pullStreamCarriesPerLayerBytesAsDockerd() throws Exception {
        images.busybox("bars", "echo one > one");
        images.layer("bars", "echo two > two");
        String ref = registry.host() + "/images-bars:1";
        images.push("bars", ref);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode manifest = json.readTree(images.remoteManifest(ref));
        java.util.List<com.fasterxml.jackson.databind.JsonNode> messages = pullStream(ref);
        assertEquals("Pulling from images-bars", messages.get(0).path("status").asText(), messages.toString());
        assertTrue(messages.get(0).path("progressDetail").isMissingNode(), "a message line has no progressDetail: " + messages.get(0));
        assertEquals("Status: Downloaded newer image for " + ref, messages.get(messages.size() - 1).path("status").asText());
        assertEquals(2, manifest.path("layers").size());
        for (com.fasterxml.jackson.databind.JsonNode layer : manifest.path("layers")) {
            String id = layer.path("digest").asText().substring("sha256:".length(), "sha256:".length() + 12);
            long size = layer.path("size").asLong();
            java.util.List<com.fasterxml.jackson.databind.JsonNode> mine = messages.stream().filter(m -> m.path("id").asText().equals(id)).toList();
            assertTrue(mine.stream().allMatch(m -> m.path("progressDetail").isObject()), "every layer message has progressDetail: " + mine);
            java.util.List<String> phases = mine.stream().map(m -> m.path("status").asText()).distinct().toList();
            assertEquals(java.util.List.of("Pulling fs layer", "Downloading", "Verifying Checksum", "Download complete", "Extracting", "Pull complete"),
                    phases.stream().filter(p -> !p.equals("Waiting")).toList(), "dockerd's phases in its order: " + mine);
            for (String phase : java.util.List.of("Downloading", "Extracting")) {
                java.util.List<com.fasterxml.jackson.databind.JsonNode> counted = mine.stream().filter(m -> m.path("status").asText().equals(phase)).toList();
                assertTrue(counted.stream().allMatch(m -> m.path("progressDetail").path("total").asLong() == size), phase + " totals: " + counted);
                assertEquals(size, counted.get(counted.size() - 1).path("progressDetail").path("current").asLong(), phase + " ends at the size: " + counted);
                long last = -1;
                for (com.fasterxml.jackson.databind.JsonNode m : counted) {
                    long current = m.path("progressDetail").path("current").asLong();
                    assertTrue(current > last, phase + " counts up: " + counted);
                    last = current;
                }
            }
        }
        java.util.List<com.fasterxml.jackson.databind.JsonNode> again = pullStream(ref);
        assertTrue(again.stream().anyMatch(m -> m.path("status").asText().equals("Already exists") && m.path("progressDetail").isObject()), again.toString());
        assertEquals("Status: Image is up to date for " + ref, again.get(again.size() - 1).path("status").asText());
    }

    /** {@code POST /images/create} over the engine's socket (HTTP/1.0: the answer ends with the connection), its JSON messages. */
    private java.util.List<com.fasterxml.jackson.databind.JsonNode> pullStream(String ref) throws Exception {
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.connect(java.net.UnixDomainSocketAddress.of(engine.config().socket()));
            String path = "/images/create?fromImage=" + java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8);
            ch.write(java.nio.ByteBuffer.wrap(("POST " + path + " HTTP/1.0\r\nHost: engine\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            String answer = new String(java.nio.channels.Channels.newInputStream(ch).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200") || answer.startsWith("HTTP/1.0 200"), answer);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            java.util.List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
            assertTrue(out.stream().noneMatch(m -> m.has("error")), out.toString());
            return out;
        }
    }
}
