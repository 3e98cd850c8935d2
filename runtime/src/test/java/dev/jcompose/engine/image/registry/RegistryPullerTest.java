package dev.jcompose.engine.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.DigestMismatchException;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerInfo;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.NativeFs;
import dev.jcompose.engine.image.unpack.UnpackOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls through {@link ImagePuller} from Debian's docker-registry on loopback, images made and pushed
 * by umoci and skopeo: an index with two platforms, a zstd layer, whiteouts and an opaque directory
 * (compared file by file with {@code umoci unpack}), basic auth, token auth, and a corrupt blob.
 */
@Tag("root")
class RegistryPullerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NativeFs FS = new NativeFs();

    @TempDir
    Path dir;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private OciImages images;
    private ImageStore store;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(FS.isRoot(), "needs root: layer ownership, overlay mounts and umoci unpack");
        String missing = RegistryFixture.missingTools();
        assumeTrue(missing == null, missing);
        images = new OciImages(dir.resolve("build"));
        store = ImageStore.open(dir.resolve("store"), new LayerUnpacker(FS, UnpackOptions.forCurrentUser(FS)));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        closing.add(c);
        return c;
    }

    private ImagePuller puller(CredentialSource credentials) {
        return new ImagePuller(new RegistryClient(RegistryOptions.defaults().withRetries(2, Duration.ofMillis(20)), credentials), store);
    }

    private ImageRecord pull(String ref, CredentialSource credentials, Platform platform) throws Exception {
        return puller(credentials).pull(ImageReference.parse(ref), platform, (id, status, current, total) -> { });
    }

    private Path diff(ImageRecord r, int layer) throws Exception {
        return store.layers().get(r.layers().get(layer).chainId()).map(LayerInfo::diffDir).orElseThrow();
    }

    @Test
    void twoPlatformIndexPullsTheAskedPlatformOnly() throws Exception {
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry")));
        images.busybox("amd", "echo amd64 > arch");
        images.busybox("arm", "echo arm64 > arch");
        images.config("arm", "--architecture arm64");
        Map<String, String> platforms = new LinkedHashMap<>();
        platforms.put("arm", "linux/arm64");
        platforms.put("amd", "linux/amd64");
        images.index("multi", platforms);
        images.push("multi", registry.host() + "/multi:1", "--all");
        byte[] served = images.remoteManifest(registry.host() + "/multi:1").getBytes(StandardCharsets.UTF_8);
        JsonNode index = JSON.readTree(served);
        assertEquals("application/vnd.oci.image.index.v1+json", index.path("mediaType").asText(), "skopeo pushed an index");
        Digest armManifest = Digest.parse(index.path("manifests").get(0).path("digest").asText());

        ImageRecord amd = pull(registry.host() + "/multi:1", CredentialSource.NONE, Platform.parse("linux/amd64"));
        assertEquals("linux/amd64", amd.platform());
        assertEquals(Digest.of(served), amd.index(), "the record keeps the index digest the registry served");
        assertEquals(List.of(registry.host() + "/multi@" + Digest.of(served)), amd.repoDigests());
        assertEquals("amd64\n", Files.readString(diff(amd, 0).resolve("arch")));
        assertFalse(store.blobs().has(armManifest), "the arm64 manifest is not fetched");
        assertEquals(Stream.of(amd.blobs()).flatMap(List::stream).sorted().toList(), List.copyOf(store.blobs().list()),
                "the store holds the index, the amd64 manifest, config and layer, nothing of arm64");

        ImageRecord arm = pull(registry.host() + "/multi:1", CredentialSource.NONE, Platform.parse("linux/arm64"));
        assertEquals("linux/arm64", arm.platform());
        assertEquals(armManifest, arm.manifest());
        assertEquals("arm64\n", Files.readString(diff(arm, 0).resolve("arch")));
    }

    @Test
    void zstdLayerIsUnpackedAsUmociUnpacksIt() throws Exception {
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry")));
        images.busybox("z", "echo zstd > note && mkdir -p etc && echo 'root:x:0:0::/:/bin/sh' > etc/passwd");
        images.push("z", registry.host() + "/z:1", "--dest-compress-format", "zstd");
        JsonNode manifest = JSON.readTree(images.remoteManifest(registry.host() + "/z:1"));
        assertEquals("application/vnd.oci.image.layer.v1.tar+zstd", manifest.path("layers").get(0).path("mediaType").asText(),
                "skopeo pushed a zstd layer");

        ImageRecord r = pull(registry.host() + "/z:1", CredentialSource.NONE, Platform.parse("linux/amd64"));
        assertEquals("application/vnd.oci.image.layer.v1.tar+zstd", r.layers().get(0).mediaType());
        assertEquals(Digest.parse(manifest.path("layers").get(0).path("digest").asText()), r.layers().get(0).blob());
        assertEquals("zstd\n", Files.readString(diff(r, 0).resolve("note")));
        images.sh("umoci unpack --image oci:z ref >/dev/null");
        assertEquals(RootfsTree.describe(images.layout().resolveSibling("ref/rootfs")), RootfsTree.describe(diff(r, 0)));
    }

    @Test
    void whiteoutsAndAnOpaqueDirectoryGiveTheRootfsUmociGives() throws Exception {
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry")));
        images.busybox("ml", String.join(" && ",
                "mkdir -p keep gone deldir/deeper opq/sub dev",
                "echo a > keep/a && ln keep/a keep/hard && ln -s ../keep/a keep/link && echo b > keep/b",
                "chown 1000:1001 keep/a && chmod 4755 keep/a && mkfifo keep/fifo && mknod dev/null c 1 3",
                "echo f > gone/file && echo g > gone/other && echo x > deldir/deeper/x",
                "echo o1 > opq/old1 && echo o2 > opq/sub/old2"));
        images.layer("ml", "rm gone/file keep/link && rm -r deldir && echo changed > keep/b && echo n > keep/new");
        images.sh("mkdir -p l3/opq && echo new > l3/opq/new && : > l3/opq/.wh..wh..opq"
                + " && tar --no-recursion --numeric-owner -C l3 -cf l3.tar opq opq/.wh..wh..opq opq/new");
        images.rawLayer("ml", dir.resolve("build/l3.tar"));
        images.push("ml", registry.host() + "/ml:1");

        ImageRecord r = pull(registry.host() + "/ml:1", CredentialSource.NONE, Platform.parse("linux/amd64"));
        assertEquals(3, r.layers().size());
        images.sh("umoci unpack --image oci:ml ref >/dev/null");
        SortedMap<String, String> expected = RootfsTree.describe(dir.resolve("build/ref/rootfs"));
        Path merged = dir.resolve("merged");
        Files.createDirectories(merged);
        String lower = String.join(":", store.layers().lowerDirs(r.topChainId()));
        run(store.root(), "mount", "-t", "overlay", "overlay", "-o", "ro,lowerdir=" + lower, merged.toString());
        try {
            SortedMap<String, String> actual = RootfsTree.describe(merged);
            assertEquals(expected, actual, "jcompose's layers under overlayfs show the rootfs umoci unpacks");
            for (String gone : List.of("gone/file", "keep/link", "deldir", "opq/old1", "opq/sub")) {
                assertFalse(Files.exists(merged.resolve(gone), LinkOption.NOFOLLOW_LINKS), gone + " is whited out");
            }
            assertEquals("new\n", Files.readString(merged.resolve("opq/new")));
            assertEquals("g\n", Files.readString(merged.resolve("gone/other")));
            assertEquals("changed\n", Files.readString(merged.resolve("keep/b")));
            assertEquals("4755 1000:1001", actual.get("keep/a").split(" ", 2)[1].substring(0, 14));
        } finally {
            run(store.root(), "umount", merged.toString());
        }
    }

    @Test
    void layersDownloadConcurrentlyUpToTheBoundAndUnpackInOrder() throws Exception {
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry")));
        images.busybox("par", "echo 0 > n");
        for (int i = 1; i <= 4; i++) {
            images.layer("par", "head -c 3000000 /dev/urandom > r" + i + " && echo " + i + " > n");
        }
        images.push("par", registry.host() + "/par:1");
        ThrottledProxy slow = closeLater(new ThrottledProxy(registry.port(), 3L << 20));
        List<String> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        ImagePuller puller = new ImagePuller(new RegistryClient(RegistryOptions.defaults().withConcurrency(2), CredentialSource.NONE), store);
        ImageRecord r = puller.pull(ImageReference.parse(slow.host() + "/par:1"), Platform.parse("linux/amd64"),
                (id, status, current, total) -> statuses.add(status));
        assertEquals(2, slow.maxOpenConnections(), "two layer downloads at a time, never more");
        assertTrue(statuses.contains("Waiting"), "the others waited for a slot: " + statuses);
        assertEquals(5, r.layers().size());
        assertEquals("4\n", Files.readString(diff(r, 4).resolve("n")));
        assertTrue(store.isComplete(r));
    }

    @Test
    void twoConcurrentPullsOfImagesSharingALayerDownloadItOnce() throws Exception {
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry")));
        images.busybox("one", "head -c 3000000 /dev/urandom > shared");
        images.sh("umoci tag --image oci:one two");
        images.layer("one", "echo one > who");
        images.layer("two", "echo two > who");
        images.push("one", registry.host() + "/images-share/one:1");
        images.push("two", registry.host() + "/images-share/two:1");
        Digest base = Digest.parse(JSON.readTree(images.remoteManifest(registry.host() + "/images-share/one:1"))
                .path("layers").get(0).path("digest").asText());
        ThrottledProxy slow = closeLater(new ThrottledProxy(registry.port(), 2L << 20));
        ImagePuller puller = puller(CredentialSource.NONE);
        String shortBase = base.hex().substring(0, 12);
        java.util.concurrent.CountDownLatch downloading = new java.util.concurrent.CountDownLatch(1);
        List<String> second = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<ImageRecord> first = pool.submit(() -> puller.pull(ImageReference.parse(slow.host() + "/images-share/one:1"),
                    Platform.host(), (id, status, current, total) -> {
                        if (shortBase.equals(id) && status.equals("Downloading") && current > 0) {
                            downloading.countDown();
                        }
                    }));
            assertTrue(downloading.await(120, TimeUnit.SECONDS), "the first pull started downloading the shared layer");
            ImageRecord two = puller.pull(ImageReference.parse(slow.host() + "/images-share/two:1"), Platform.host(),
                    (id, status, current, total) -> {
                        if (shortBase.equals(id)) {
                            second.add(status);
                        }
                    });
            ImageRecord one = first.get(120, TimeUnit.SECONDS);
            String blobGet = "GET /v2/images-share/%s/blobs/" + base;
            List<String> gets = slow.requests().stream().filter(r -> r.startsWith("GET ") && r.endsWith("/blobs/" + base)).toList();
            assertEquals(List.of(blobGet.formatted("one")), gets, "the shared layer's blob was fetched once, by the first pull");
            assertTrue(second.contains("Waiting"), "the second pull waited for the first's download: " + second);
            assertEquals(one.layers().get(0).chainId(), two.layers().get(0).chainId());
            assertEquals("one\n", Files.readString(diff(one, 1).resolve("who")));
            assertEquals("two\n", Files.readString(diff(two, 1).resolve("who")));
            assertEquals(3000000L, Files.size(diff(two, 0).resolve("shared")));
            assertTrue(store.isComplete(one) && store.isComplete(two));
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the first pull ended");
        }
    }

    @Test
    void retriesAfterAResetAndA503AndFollowsBlobRedirects() throws Exception {
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry")));
        images.busybox("f", "echo flaky > who");
        images.push("f", registry.host() + "/images-flaky/f:1");
        JsonNode manifest = JSON.readTree(images.remoteManifest(registry.host() + "/images-flaky/f:1"));
        String layer = manifest.path("layers").get(0).path("digest").asText();
        String config = manifest.path("config").path("digest").asText();
        FlakyFront front = closeLater(new FlakyFront(registry.port()));

        ImageRecord r = pull(front.host() + "/images-flaky/f:1", CredentialSource.NONE, Platform.host());
        assertEquals("flaky\n", Files.readString(diff(r, 0).resolve("who")));
        List<String> log = front.log();
        for (String expected : List.of("reset GET /v2/images-flaky/f/manifests/1", "pass GET /v2/images-flaky/f/manifests/1",
                "503 GET /v2/images-flaky/f/blobs/" + config, "307 GET /v2/images-flaky/f/blobs/" + config,
                "503 GET /v2/images-flaky/f/blobs/" + layer, "307 GET /v2/images-flaky/f/blobs/" + layer)) {
            assertTrue(log.contains(expected), expected + " in " + log);
        }
        assertTrue(log.indexOf("reset GET /v2/images-flaky/f/manifests/1") < log.indexOf("pass GET /v2/images-flaky/f/manifests/1"));
        assertTrue(store.isComplete(r));
    }

    @Test
    void basicAuthWithHtpasswd() throws Exception {
        assumeTrue(RegistryFixture.hasHtpasswd(), "needs /usr/bin/htpasswd (Debian package apache2-utils)");
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry"),
                new RegistryFixture.BasicAuth("tester", "s3cret")));
        images.busybox("b", "echo basic > who");
        images.push("b", registry.host() + "/basic:1", "--dest-creds", "tester:s3cret");
        String ref = registry.host() + "/basic:1";

        RegistryException anonymous = assertThrows(RegistryException.class, () -> pull(ref, CredentialSource.NONE, Platform.host()));
        assertEquals("registry " + registry.host() + " needs a login (docker login " + registry.host() + ")", anonymous.getMessage());
        RegistryException wrong = assertThrows(RegistryException.class,
                () -> pull(ref, host -> Optional.of(Credentials.basic("tester", "wrong")), Platform.host()));
        assertTrue(wrong.getMessage().startsWith("pull access denied for " + registry.host() + "/basic"), wrong.getMessage());
        assertTrue(store.list().isEmpty());

        CredentialSource creds = host -> host.equals(registry.host()) ? Optional.of(Credentials.basic("tester", "s3cret")) : Optional.empty();
        ImageRecord r = pull(ref, creds, Platform.host());
        assertEquals("basic\n", Files.readString(diff(r, 0).resolve("who")));
    }

    @Test
    void credHelpersAndCredsStoreAreAskedThroughTheHelperProgram() throws Exception {
        assumeTrue(RegistryFixture.hasHtpasswd(), "needs /usr/bin/htpasswd (Debian package apache2-utils)");
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry"),
                new RegistryFixture.BasicAuth("tester", "s3cret")));
        images.busybox("h", "echo helper > who");
        images.push("h", registry.host() + "/images-helper/h:1", "--dest-creds", "tester:s3cret");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path asked = dir.resolve("asked.log");
        // a credential helper as docker's protocol has it: verb in argv, server URL on stdin, JSON out
        Path helper = bin.resolve("docker-credential-imagestest");
        Files.writeString(helper, """
                #!/bin/sh
                read -r server
                echo "$1 $server" >> %s
                if [ "$1" = get ] && [ "$server" = "%s" ]; then
                  printf '{"ServerURL":"%%s","Username":"tester","Secret":"s3cret"}\\n' "$server"
                else
                  echo "credentials not found in native keychain"; exit 1
                fi
                """.formatted(asked, registry.host()));
        Files.setPosixFilePermissions(helper, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = dir.resolve("config.json");

        Files.writeString(config, "{\"credHelpers\":{\"" + registry.host() + "\":\"imagestest\"}}");
        ImageRecord r = pull(registry.host() + "/images-helper/h:1", new DockerConfigCredentials(config, List.of(bin)), Platform.host());
        assertEquals("helper\n", Files.readString(diff(r, 0).resolve("who")));
        assertTrue(Files.readAllLines(asked).contains("get " + registry.host()), Files.readString(asked));

        store.remove(r.id().toString(), id -> false, true);
        Files.writeString(config, "{\"credsStore\":\"imagestest\",\"auths\":{\"" + registry.host() + "\":{}}}");
        ImageRecord again = pull(registry.host() + "/images-helper/h:1", new DockerConfigCredentials(config, List.of(bin)), Platform.host());
        assertEquals(r.id(), again.id(), "credsStore answered for the registry too");

        Files.writeString(config, "{\"credHelpers\":{\"" + registry.host() + "\":\"absent\"}}");
        RegistryException missing = assertThrows(RegistryException.class, () -> new DockerConfigCredentials(config, List.of(bin))
                .lookup(registry.host()));
        assertEquals("asking docker-credential-absent for credentials for " + registry.host() + ": docker-credential-absent is not in PATH"
                + " (config.json " + config + " names the helper absent)", missing.getMessage());
        assertEquals(Optional.empty(), new DockerConfigCredentials(writeConfig("{\"credsStore\":\"imagestest\"}"), List.of(bin))
                .lookup("other.example.com"), "a helper's 'credentials not found' is no credentials");
    }

    private Path writeConfig(String json) throws Exception {
        Path p = Files.createTempFile(dir, "config", ".json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void tokenAuthFetchesOneTokenPerScopeAndUsesIt() throws Exception {
        TokenServer tokens = closeLater(TokenServer.start(dir.resolve("token"), "tester", "s3cret"));
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry"), tokens.auth()));
        images.busybox("t", "echo token > who");
        images.push("t", registry.host() + "/tok:1", "--dest-creds", "tester:s3cret");
        String ref = registry.host() + "/tok:1";
        int pushRequests = tokens.requests().size();
        assertTrue(pushRequests > 0, "skopeo went through the token server: " + registry.log());

        RegistryException anonymous = assertThrows(RegistryException.class, () -> pull(ref, CredentialSource.NONE, Platform.host()));
        assertEquals("getting a token from " + tokens.realm() + " for repository:tok:pull: status 401", anonymous.getMessage());

        CredentialSource creds = host -> host.equals(registry.host()) ? Optional.of(Credentials.basic("tester", "s3cret")) : Optional.empty();
        ImageRecord r = pull(ref, creds, Platform.host());
        assertEquals("token\n", Files.readString(diff(r, 0).resolve("who")));
        List<TokenServer.Request> ours = tokens.requests().subList(pushRequests + 1, tokens.requests().size());
        assertEquals(List.of(new TokenServer.Request(TokenServer.SERVICE, List.of("repository:tok:pull"), true, "basic")), ours,
                "one token for the manifest, config and layer requests, asked with the service and scope of the challenge");

        // an identity token from ~/.docker/config.json is a refresh token: POSTed to the realm, as docker does
        store.remove(ref, d -> false, true);
        Path config = dir.resolve("docker-config/config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"auths\":{\"" + registry.host() + "\":{\"identitytoken\":\"" + tokens.identityToken() + "\"}}}");
        int before = tokens.requests().size();
        ImageRecord again = pull(ref, new DockerConfigCredentials(config), Platform.host());
        assertEquals(r.id(), again.id());
        assertEquals(List.of(new TokenServer.Request(TokenServer.SERVICE, List.of("repository:tok:pull"), true, "refresh_token")),
                tokens.requests().subList(before, tokens.requests().size()), "one refresh_token grant for the scope, accepted");
        Files.writeString(config, "{\"auths\":{\"" + registry.host() + "\":{\"identitytoken\":\"revoked\"}}}");
        RegistryException revoked = assertThrows(RegistryException.class, () -> pull(registry.host() + "/tok:2", new DockerConfigCredentials(config),
                Platform.host()));
        assertEquals("getting a token from " + tokens.realm() + " for repository:tok:pull: status 401", revoked.getMessage());
    }

    @Test
    void blobWithTheWrongDigestIsRejectedAndNothingIsStored() throws Exception {
        RegistryFixture registry = closeLater(RegistryFixture.start(dir.resolve("registry")));
        images.busybox("c", "echo good > content");
        images.push("c", registry.host() + "/corrupt:1");
        JsonNode manifest = JSON.readTree(images.remoteManifest(registry.host() + "/corrupt:1"));
        Digest layer = Digest.parse(manifest.path("layers").get(0).path("digest").asText());
        Path data = registry.blobData(layer);
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(data, bytes);

        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> pull(registry.host() + "/corrupt:1", CredentialSource.NONE, Platform.host()));
        assertTrue(e.getMessage().contains(layer.toString()), e.getMessage());
        assertFalse(store.blobs().has(layer), "the corrupt layer is not stored");
        assertTrue(store.layers().list().isEmpty(), "nothing unpacked");
        assertTrue(store.list().isEmpty(), "no image record");
        try (Stream<Path> tmp = Files.list(store.root().resolve("tmp"))) {
            assertEquals(List.of(), tmp.toList(), "no partial file left");
        }
    }

    private static void run(Path cwd, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }
}
