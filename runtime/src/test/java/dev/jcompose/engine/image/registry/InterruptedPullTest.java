package dev.jcompose.engine.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.NativeFs;
import dev.jcompose.engine.image.unpack.UnpackOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull in its own JVM, SIGKILLed halfway through a 24 MB layer blob (the registry behind a
 * throttling proxy), then run again: the store opens consistent, holds no partial or corrupt blob,
 * keeps what was complete, and the second pull fetches only what is missing.
 */
@Tag("root")
class InterruptedPullTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NativeFs FS = new NativeFs();
    private static final long BIG = 24L << 20;

    @TempDir
    Path dir;

    @Test
    void pullKilledMidBlobThenRunAgainCompletes() throws Exception {
        assumeTrue(FS.isRoot(), "needs root: layer ownership");
        String missing = RegistryFixture.missingTools();
        assumeTrue(missing == null, missing);
        OciImages images = new OciImages(dir.resolve("build"));
        images.busybox("big", "echo base > base");
        images.layer("big", "head -c " + BIG + " /dev/urandom > random.bin");
        Path root = dir.resolve("store");
        try (RegistryFixture registry = RegistryFixture.start(dir.resolve("registry"));
             ThrottledProxy slow = new ThrottledProxy(registry.port(), 4L << 20)) {
            images.push("big", registry.host() + "/big:1");
            JsonNode manifest = JSON.readTree(images.remoteManifest(registry.host() + "/big:1"));
            Digest baseLayer = Digest.parse(manifest.path("layers").get(0).path("digest").asText());
            Digest bigLayer = Digest.parse(manifest.path("layers").get(1).path("digest").asText());

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PullMain.class.getName(), root.toString(), slow.host() + "/big:1")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                long partial = awaitPartialBlob(root.resolve("tmp"), child);
                assertTrue(partial > 0 && partial < BIG, "killed while the big blob was half there: " + partial);
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                assertEquals(137, child.exitValue(), "the pull died by SIGKILL");
            } finally {
                child.destroyForcibly();
            }
            assertTrue(Files.readString(dir.resolve("child.log")).contains(baseLayer.hex().substring(0, 12) + ": Pull complete"),
                    "the base layer was complete before the kill: " + Files.readString(dir.resolve("child.log")));

            ImageStore store = ImageStore.open(root, new LayerUnpacker(FS, UnpackOptions.forCurrentUser(FS)));
            assertEquals(List.of(), list(root.resolve("tmp")), "opening the store removed the partial download");
            assertTrue(store.list().isEmpty(), "no image record for a pull that did not finish");
            assertTrue(store.blobs().has(baseLayer), "the finished base layer is kept");
            assertFalse(store.blobs().has(bigLayer), "no blob for the half-downloaded layer");
            assertEveryBlobMatchesItsName(store);

            List<String> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
            ImagePuller puller = new ImagePuller(new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE), store);
            ImageRecord r = puller.pull(ImageReference.parse(registry.host() + "/big:1"), Platform.parse("linux/amd64"),
                    (id, status, current, total) -> {
                        if (total == 0) {
                            statuses.add(id + ": " + status);
                        }
                    });
            assertTrue(statuses.contains(baseLayer.hex().substring(0, 12) + ": Already exists"), statuses.toString());
            assertTrue(statuses.contains(bigLayer.hex().substring(0, 12) + ": Download complete"), statuses.toString());
            assertTrue(store.isComplete(r));
            assertEquals(BIG, Files.size(store.layers().get(r.topChainId()).orElseThrow().diffDir().resolve("random.bin")));
            assertEveryBlobMatchesItsName(store);
            assertEquals(Optional.of(r), store.find(registry.host() + "/big:1"));
        }
    }

    /** The size of a blob still being written, or -1 (not a .part, or finished and renamed meanwhile). */
    private static long partSize(Path p) throws java.io.IOException {
        if (!p.getFileName().toString().endsWith(".part")) {
            return -1;
        }
        try {
            return Files.size(p);
        } catch (java.nio.file.NoSuchFileException e) {
            return -1;
        }
    }

    /** Waits until the child has written part of a blob into tmp/; returns its size. */
    private static long awaitPartialBlob(Path tmp, Process child) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && child.isAlive()) {
            for (Path p : list(tmp)) {
                long size = partSize(p);
                if (size > BIG / 3) {
                    return size;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child pull never got halfway through the big blob (alive: " + child.isAlive() + ")");
    }

    private static List<Path> list(Path d) throws Exception {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    private static void assertEveryBlobMatchesItsName(ImageStore store) throws Exception {
        for (Digest d : store.blobs().list()) {
            assertEquals(d, Digest.of(Files.readAllBytes(store.blobs().path(d))), "blob " + d + " is what its name says");
        }
    }
}
