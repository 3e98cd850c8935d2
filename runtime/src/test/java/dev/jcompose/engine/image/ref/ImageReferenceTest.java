package dev.jcompose.engine.image.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expectations ported from distribution/reference's normalize_test.go and reference_test.go. */
class ImageReferenceTest {
    private static final String HEX = "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";

    @Test
    void officialImageGetsHubDomainLibraryPrefixAndLatest() {
        ImageReference r = ImageReference.parse("wordpress");
        assertEquals("docker.io/library/wordpress:latest", r.toString());
        assertEquals("docker.io", r.domain());
        assertEquals("library/wordpress", r.path());
        assertEquals("latest", r.tag());
        assertEquals("registry-1.docker.io", r.registryHost());
        assertEquals("wordpress:latest", r.familiarString());
    }

    @ParameterizedTest
    @CsvSource({
        "redis, docker.io/library/redis:latest",
        "redis:7, docker.io/library/redis:7",
        "docker.io/library/redis:latest, docker.io/library/redis:latest",
        "index.docker.io/debian, docker.io/library/debian:latest",
        "docker.io/debian, docker.io/library/debian:latest",
        "dmcgowan/myapp, docker.io/dmcgowan/myapp:latest",
        "library/foo/bar, docker.io/library/foo/bar:latest",
        "test_com/foo, docker.io/test_com/foo:latest",
        "test.com/foo, test.com/foo:latest",
        "test.com:8080/foo, test.com:8080/foo:latest",
        "test-com:8080/foo, test-com:8080/foo:latest",
        "xn--n3h.com:18080/foo, xn--n3h.com:18080/foo:latest",
        "localhost/foo, localhost/foo:latest",
        "localhost:5000/a/b:v1, localhost:5000/a/b:v1",
        "127.0.0.1:5000/debian, 127.0.0.1:5000/debian:latest",
        "192.168.0.1, docker.io/library/192.168.0.1:latest",
        "192.168.0.1:80, docker.io/library/192.168.0.1:80",
        "[fc00::1]:5000/docker/docker, [fc00::1]:5000/docker/docker:latest",
        "Docker/docker, Docker/docker:latest",
        "FOO/bar, FOO/bar:latest",
        "dock__er/docker, docker.io/dock__er/docker:latest",
        "docker---rules/docker, docker.io/docker---rules/docker:latest",
        "d/docker, docker.io/d/docker:latest",
        "dbcc1, docker.io/library/dbcc1:latest",
    })
    void normalises(String input, String expected) {
        assertEquals(expected, ImageReference.parse(input).toString());
    }

    @ParameterizedTest
    @CsvSource({
        "fooo/bar, fooo/bar",
        "docker.io/library/ubuntu, ubuntu",
        "library/ubuntu-12.04-base, ubuntu-12.04-base",
        "docker.io/library/foo/bar, library/foo/bar",
        "127.0.0.1:8000/private/moonbase, 127.0.0.1:8000/private/moonbase",
        "example.com/privatebase, example.com/privatebase",
    })
    void familiarNames(String input, String familiar) {
        assertEquals(familiar, ImageReference.parse(input).familiarName());
    }

    @Test
    void digestOnlyHasNoTag() {
        ImageReference r = ImageReference.parse("redis@sha256:" + HEX);
        assertNull(r.tag());
        assertEquals("sha256:" + HEX, r.digest().value());
        assertEquals("docker.io/library/redis@sha256:" + HEX, r.toString());
        assertEquals("sha256:" + HEX, r.manifestReference());
    }

    @Test
    void tagAndDigestAreBothKeptAndTheDigestWins() {
        String shortRef = "busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
        ImageReference r = ImageReference.parse(shortRef);
        assertEquals("docker.io/library/" + shortRef, r.toString());
        assertEquals(shortRef, r.familiarString());
        assertEquals(r.digest().value(), r.manifestReference());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://github.com/docker/docker",
        "docker/Docker",
        "-docker",
        "-docker/docker",
        "-docker.io/docker/docker",
        "docker///docker",
        "docker.io/docker/Docker",
        "docker.io/docker///docker",
        "[fc00::1]",
        "[fc00::1]:5000",
        "fc00::1:5000/debian",
        "[fe80::1%eth0]:5000/debian",
        "[2001:db8:3:4::192.0.2.33]:5000/debian",
        "docker-/docker",
        "____/____",
        "_docker/_docker",
        "dock..er/docker",
        "dock_.er/docker",
        "dock-.er/docker",
        "docker/",
        "",
        ":justtag",
        "@sha256:" + HEX,
        "validname@invaliddigest:ecc",
        "repo:-tag",
        "a@sha256:abc",
    })
    void rejects(String input) {
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(input));
        assertTrue(e.getMessage().startsWith("invalid"), e.getMessage());
    }

    @Test
    void upperCaseRepositoryNamesSayMustBeLowercase() {
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> ImageReference.parse("docker/Docker"));
        assertEquals("invalid reference format: repository name (docker/Docker) must be lowercase", e.getMessage());
    }

    @Test
    void bare64HexIsRefusedAsAName() {
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(HEX));
        assertEquals("invalid repository name (" + HEX + "), cannot specify 64-byte hexadecimal strings", e.getMessage());
        assertEquals("docker.io/library/" + HEX + ":latest", ImageReference.parse("docker.io/" + HEX).toString());
    }

    @Test
    void namesLongerThan255AreRefused() {
        String longNs = "a".repeat(250) + "/docker";
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(longNs));
        assertTrue(e.getMessage().contains("255"), e.getMessage());
        String ok = "a".repeat(100) + "/" + "b".repeat(100);
        assertEquals("docker.io/" + ok + ":latest", ImageReference.parse(ok).toString());
    }

    @Test
    void tagsUpTo128CharactersAreAccepted() {
        String tag = "t" + "x".repeat(127);
        assertEquals(tag, ImageReference.parse("foo:" + tag).tag());
        assertThrows(InvalidReferenceException.class, () -> ImageReference.parse("foo:" + tag + "x"));
    }

    @Test
    void withTagAndWithDigestKeepTheName() {
        ImageReference r = ImageReference.parse("127.0.0.1:5000/team/app:1");
        assertEquals("127.0.0.1:5000/team/app:2", r.withTag("2").toString());
        assertEquals("127.0.0.1:5000/team/app@sha256:" + HEX, r.withDigest(Digest.ofHex(HEX)).toString());
        assertEquals("127.0.0.1:5000", r.registryHost());
        assertThrows(InvalidReferenceException.class, () -> r.withTag("-bad"));
    }
}
