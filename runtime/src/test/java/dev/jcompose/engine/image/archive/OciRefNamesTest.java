package dev.jcompose.engine.image.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OciRefNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<String> name(String annotations) throws Exception {
        JsonNode n = JSON.readTree(annotations);
        return OciRefNames.imageName(n);
    }

    @Test
    void fullReferenceInRefNameNamesTheImage() throws Exception {
        assertEquals(Optional.of("example.com/tiny:oci"), name("{\"org.opencontainers.image.ref.name\":\"example.com/tiny:oci\"}"));
        assertEquals(Optional.of("docker.io/library/alpine:3"), name("{\"org.opencontainers.image.ref.name\":\"alpine:3\"}"));
        assertEquals(Optional.of("docker.io/me/app:latest"), name("{\"org.opencontainers.image.ref.name\":\"me/app\"}"));
    }

    @Test
    void bareTagNamesNoRepository() throws Exception {
        assertEquals(Optional.empty(), name("{\"org.opencontainers.image.ref.name\":\"latest\"}"));
        assertEquals(Optional.empty(), name("{\"org.opencontainers.image.ref.name\":\"v1.0.0\"}"));
        assertEquals(Optional.empty(), name("{}"));
    }

    @Test
    void containerdNameWinsOverRefName() throws Exception {
        assertEquals(Optional.of("docker.io/library/busybox:1.36"), name(
                "{\"io.containerd.image.name\":\"docker.io/library/busybox:1.36\",\"org.opencontainers.image.ref.name\":\"1.36\"}"));
    }

    @Test
    void digestOnlyOrInvalidNamesNothingAndTagWithDigestKeepsTheTag() throws Exception {
        String d = "sha256:" + "a".repeat(64);
        assertEquals(Optional.empty(), name("{\"io.containerd.image.name\":\"example.com/x@" + d + "\"}"));
        assertEquals(Optional.empty(), name("{\"org.opencontainers.image.ref.name\":\"Bad//Name:\"}"));
        assertEquals(Optional.of("example.com/x:1"), name("{\"io.containerd.image.name\":\"example.com/x:1@" + d + "\"}"));
    }

    @Test
    void familiarFormDropsDockerHubPrefixes() {
        assertEquals("busybox:latest", OciRefNames.familiar("docker.io/library/busybox:latest"));
        assertEquals("example.com/tiny:oci", OciRefNames.familiar("example.com/tiny:oci"));
    }
}
