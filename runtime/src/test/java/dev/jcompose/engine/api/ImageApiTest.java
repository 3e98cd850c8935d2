package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.image.registry.OciImages;
import dev.jcompose.engine.image.registry.RegistryFixture;
import dev.jcompose.engine.shim.BusyboxRootfs;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real docker CLI against the engine for images: pull from docker-registry on loopback, images
 * (with filters), image inspect (Id = config digest), load, import with --change, history, run of
 * the imported image, image prune, rmi.
 */
@Tag("root")
class ImageApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Engine engine;
    private DockerCli cli;
    private RegistryFixture registry;
    private OciImages images;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: containers and layer ownership");
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

    private Set<String> lines(String out) {
        return new TreeSet<>(out.isEmpty() ? List.of() : Arrays.asList(out.split("\n")));
    }

    @Test
    void pullInspectLoadImportHistoryPruneRmi() throws Exception {
        images.busybox("bb", "echo pulled > origin");
        String pulledRef = registry.host() + "/images-api/bb:1";
        images.push("bb", pulledRef);
        JsonNode manifest = JSON.readTree(images.remoteManifest(pulledRef));

        String pulled = cli.ok("pull", pulledRef);
        assertTrue(pulled.contains("Pull complete") && pulled.contains("Digest: sha256:"), pulled);
        assertEquals(manifest.path("config").path("digest").asText(), cli.ok("image", "inspect", "--format", "{{.Id}}", pulledRef),
                "the image ID is the config digest");

        images.sh("skopeo copy --quiet oci:oci:bb docker-archive:" + dir.resolve("bb.tar") + ":example.com/loaded:1");
        assertTrue(cli.ok("load", "-i", dir.resolve("bb.tar").toString()).contains("Loaded image: example.com/loaded:1"));

        Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
        images.sh("tar -C " + rootfs + " -cf " + dir.resolve("rootfs.tar") + " . && gzip -k " + dir.resolve("rootfs.tar"));
        String importedId = cli.ok("import", "-m", "from the image test",
                "--change", "ENTRYPOINT [\"/bin/sh\", \"-c\"]",
                "--change", "CMD [\"echo $GREETING; pwd; id -u\"]",
                "--change", "ENV GREETING=hello",
                "--change", "WORKDIR /tmp",
                "--change", "USER nobody",
                "--change", "EXPOSE 8080 53/udp",
                "--change", "LABEL com.example.images=yes",
                dir.resolve("rootfs.tar.gz").toString(), "example.com/imported:1");
        assertTrue(importedId.matches("sha256:[0-9a-f]{64}"), importedId);
        assertEquals(importedId, cli.ok("image", "inspect", "--format", "{{.Id}}", "example.com/imported:1"));
        assertEquals("[\"/bin/sh\",\"-c\"] [\"echo $GREETING; pwd; id -u\"] /tmp nobody",
                cli.ok("image", "inspect", "--format", "{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.WorkingDir}} {{.Config.User}}",
                        "example.com/imported:1"));
        assertEquals("[\"GREETING=hello\"] {\"53/udp\":{},\"8080/tcp\":{}} {\"com.example.images\":\"yes\"}",
                cli.ok("image", "inspect", "--format", "{{json .Config.Env}} {{json .Config.ExposedPorts}} {{json .Config.Labels}}",
                        "example.com/imported:1"));
        assertEquals("from the image test", cli.ok("history", "--format", "{{.Comment}}", "example.com/imported:1"));
        assertEquals(importedId.substring(7, 19) + " from the image test",
                cli.ok("history", "--format", "{{.ID}} {{.Comment}}", "example.com/imported:1"));

        cli.ok("run", "-d", "--name", "images-api-1", "example.com/imported:1");
        assertEquals("0", cli.ok("wait", "images-api-1"));
        assertEquals("hello\n/tmp\n65534", cli.ok("logs", "images-api-1"), "the changes apply to the container");

        String dangling = cli.ok("import", dir.resolve("rootfs.tar").toString());
        assertEquals(Set.of(pulledRef, "example.com/loaded:1", "example.com/imported:1", "<none>:<none>"),
                lines(cli.ok("images", "--format", "{{.Repository}}:{{.Tag}}")));
        assertEquals(Set.of("example.com/loaded:1", "example.com/imported:1"),
                lines(cli.ok("images", "--filter", "reference=example.com/*", "--format", "{{.Repository}}:{{.Tag}}")));
        assertEquals(Set.of("example.com/imported:1"),
                lines(cli.ok("images", "example.com/imported", "--format", "{{.Repository}}:{{.Tag}}")));
        assertEquals(Set.of("example.com/imported:1"),
                lines(cli.ok("images", "--filter", "label=com.example.images=yes", "--format", "{{.Repository}}:{{.Tag}}")));
        assertEquals(Set.of(dangling.substring(7, 19)), lines(cli.ok("images", "--filter", "dangling=true", "-q")));
        assertEquals(Set.of(pulledRef, "example.com/loaded:1"),
                lines(cli.ok("images", "--filter", "before=example.com/imported:1", "--format", "{{.Repository}}:{{.Tag}}")),
                "the image umoci made earlier (pulled and loaded: one image, two tags)");
        assertEquals(Set.of("example.com/imported:1", "<none>:<none>"),
                lines(cli.ok("images", "--filter", "since=" + pulledRef, "--format", "{{.Repository}}:{{.Tag}}")));
        DockerCli.Result unknown = cli.run("images", "--filter", "since=example.com/nothing:1");
        assertTrue(unknown.code() != 0 && unknown.err().contains("No such image: example.com/nothing:1"), unknown.err());
        DockerCli.Result bad = cli.run("images", "--filter", "colour=blue");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("invalid filter 'colour'"), bad.err());

        String pruned = cli.ok("image", "prune", "-f");
        assertTrue(pruned.contains("deleted: " + dangling), pruned);
        assertEquals(Set.of(), lines(cli.ok("images", "--filter", "dangling=true", "-q")));
        String prunedAll = cli.ok("image", "prune", "-a", "-f");
        assertTrue(prunedAll.contains("untagged: example.com/loaded:1") && prunedAll.contains("untagged: " + pulledRef), prunedAll);
        assertEquals(Set.of("example.com/imported:1"), lines(cli.ok("images", "--format", "{{.Repository}}:{{.Tag}}")),
                "the image a container uses is kept");

        assertNotEquals(0, cli.run("rmi", "example.com/imported:1").code(), "in use by a container");
        cli.ok("rm", "images-api-1");
        String removed = cli.ok("rmi", "example.com/imported:1");
        assertTrue(removed.contains("Untagged: example.com/imported:1") && removed.contains("Deleted: " + importedId), removed);
        assertEquals("", cli.ok("images", "-q"));
    }
}
