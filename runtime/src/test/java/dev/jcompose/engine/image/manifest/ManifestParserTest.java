package dev.jcompose.engine.image.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);
    private static final String C = "sha256:" + "c".repeat(64);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void dockerSchema2Manifest() {
        ImageManifest m = assertInstanceOf(ImageManifest.class, ManifestParser.parse(b("""
                {"schemaVersion": 2,
                 "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                 "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1469, "digest": "%s"},
                 "layers": [
                   {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 2479, "digest": "%s"},
                   {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 17, "digest": "%s"}]}
                """.formatted(A, B, C)), null, "x"));
        assertEquals(MediaTypes.DOCKER_MANIFEST, m.mediaType());
        assertEquals(A, m.config().digest().value());
        assertEquals(1469, m.config().size());
        assertEquals(List.of(B, C), m.layers().stream().map(d -> d.digest().value()).toList());
        assertEquals(17, m.layers().get(1).size());
    }

    @Test
    void ociManifestWithoutMediaTypeFieldTakesItFromContentTypeOrShape() {
        String body = """
                {"schemaVersion": 2,
                 "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": 5, "digest": "%s"},
                 "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+zstd", "size": 9, "digest": "%s"}]}
                """.formatted(A, B);
        assertEquals(MediaTypes.OCI_MANIFEST, ManifestParser.parse(b(body), MediaTypes.OCI_MANIFEST + "; charset=utf-8", "x").mediaType());
        assertEquals(MediaTypes.OCI_MANIFEST, ManifestParser.parse(b(body), "application/json", "x").mediaType());
    }

    @Test
    void indexWithPlatforms() {
        ImageIndex idx = assertInstanceOf(ImageIndex.class, ManifestParser.parse(b("""
                {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                 "manifests": [
                   {"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 1, "digest": "%s",
                    "platform": {"os": "linux", "architecture": "arm64", "variant": "v8"}},
                   {"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 2, "digest": "%s",
                    "platform": {"os": "linux", "architecture": "amd64"}},
                   {"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 3, "digest": "%s",
                    "platform": {"os": "unknown", "architecture": "unknown"}}]}
                """.formatted(A, B, C)), null, "x"));
        assertEquals(3, idx.manifests().size());
        assertEquals(new Platform("linux", "arm64", "v8"), idx.manifests().get(0).platform());
        assertNull(idx.manifests().get(1).platform().variant());
        assertEquals(B, PlatformSelector.select(idx, Platform.parse("linux/amd64")).orElseThrow().digest().value());
        assertEquals(A, PlatformSelector.select(idx, Platform.parse("linux/arm64")).orElseThrow().digest().value());
        assertEquals(A, PlatformSelector.select(idx, Platform.parse("linux/aarch64/v8")).orElseThrow().digest().value());
        assertTrue(PlatformSelector.select(idx, Platform.parse("linux/arm/v7")).isEmpty());
        assertTrue(PlatformSelector.select(idx, Platform.parse("windows/amd64")).isEmpty());
    }

    @Test
    void exactVariantIsPreferredOverAnOpenOne() {
        ImageIndex idx = new ImageIndex(MediaTypes.OCI_INDEX, List.of(
                new Descriptor(MediaTypes.OCI_MANIFEST, dev.jcompose.engine.image.ref.Digest.parse(A), 1, new Platform("linux", "arm", null), null),
                new Descriptor(MediaTypes.OCI_MANIFEST, dev.jcompose.engine.image.ref.Digest.parse(B), 1, new Platform("linux", "arm", "v6"), null),
                new Descriptor(MediaTypes.OCI_MANIFEST, dev.jcompose.engine.image.ref.Digest.parse(C), 1, new Platform("linux", "arm", "v7"), null)));
        assertEquals(C, PlatformSelector.select(idx, Platform.parse("linux/arm/v7")).orElseThrow().digest().value());
        assertEquals(A, PlatformSelector.select(idx, Platform.parse("linux/arm/v5")).orElseThrow().digest().value());
    }

    @Test
    void schema1IsRefusedWithAReason() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> ManifestParser.parse(
                b("{\"schemaVersion\": 1, \"name\": \"x\", \"fsLayers\": []}"), null, "127.0.0.1:5000/old:1"));
        assertEquals("reading the manifest of 127.0.0.1:5000/old:1: Docker schema 1 manifests are not supported"
                + " (push the image again with a current client)", e.getMessage());
    }

    @Test
    void badJsonAndBadDigestsNameTheImage() {
        ManifestFormatException e1 = assertThrows(ManifestFormatException.class, () -> ManifestParser.parse(b("{"), null, "img"));
        assertTrue(e1.getMessage().startsWith("reading the manifest of img: invalid JSON"), e1.getMessage());
        ManifestFormatException e2 = assertThrows(ManifestFormatException.class, () -> ManifestParser.parse(b("""
                {"mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "config": {"mediaType": "x", "size": 1, "digest": "sha256:nothex"}, "layers": []}"""), null, "img"));
        assertTrue(e2.getMessage().startsWith("reading the manifest of img: invalid digest \"sha256:nothex\""), e2.getMessage());
    }

    @Test
    void configBlobGivesPlatformDiffIdsAndDefaults() {
        ImageConfig c = ConfigParser.parse(b("""
                {"architecture": "amd64", "os": "linux", "created": "2024-01-02T03:04:05Z",
                 "config": {"Env": ["PATH=/bin"], "Cmd": ["sh"], "WorkingDir": "/srv", "User": "1000:1000",
                            "ExposedPorts": {"80/tcp": {}}, "Labels": {"a": "b"}, "Volumes": {"/data": {}},
                            "StopSignal": "SIGQUIT"},
                 "rootfs": {"type": "layers", "diff_ids": ["%s", "%s"]}}
                """.formatted(A, B)), "x");
        assertEquals(Platform.parse("linux/amd64"), c.platform());
        assertEquals(List.of(A, B), c.diffIds().stream().map(Object::toString).toList());
        assertEquals(List.of("sh"), c.config().cmd());
        assertNull(c.config().entrypoint());
        assertEquals("/srv", c.config().workingDir());
        assertEquals(List.of("80/tcp"), c.config().exposedPorts());
        assertEquals(List.of("/data"), c.config().volumes());
        assertEquals("b", c.config().labels().get("a"));
        assertEquals("SIGQUIT", c.config().stopSignal());
        assertEquals("2024-01-02T03:04:05Z", c.created());
    }

    @Test
    void platformParsingAndNormalisation() {
        assertEquals("linux/amd64", Platform.parse("linux/x86_64").toString());
        assertEquals("linux/arm64/v8", Platform.parse("Linux/aarch64/V8").toString());
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux"));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux//v7"));
    }
}
