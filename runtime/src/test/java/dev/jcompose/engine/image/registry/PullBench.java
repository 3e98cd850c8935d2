package dev.jcompose.engine.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.unpack.FileTrees;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.NativeFs;
import dev.jcompose.engine.image.unpack.UnpackOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pull + unpack of a Debian rootfs image from docker-registry on loopback: jcompose's puller against
 * {@code skopeo copy} + {@code umoci unpack}, side by side in one run, alternating (not a test; run
 * by hand as root):
 * {@code java -cp runtime/target/classes:runtime/target/test-classes:DEPS dev.jcompose.engine.image.registry.PullBench ROOTFS.tar [runs] [workdir]}
 * where ROOTFS.tar is e.g. {@code mmdebstrap --variant=minbase bookworm debian.tar}. Each run starts
 * from an empty store / empty OCI layout; the registry's files are in the page cache for both.
 */
public final class PullBench {
    private PullBench() {
    }

    public static void main(String[] args) throws Exception {
        Path rootfs = Path.of(args.length > 0 ? args[0] : "/tmp/images-bench/debian.tar");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Path.of(args.length > 2 ? args[2] : "/tmp/images-bench/work");
        FileTrees.deleteRecursively(work);
        Files.createDirectories(work);
        try (RegistryFixture registry = RegistryFixture.start(work.resolve("registry"))) {
            OciImages images = new OciImages(work.resolve("build"));
            images.sh("umoci new --image oci:deb && umoci unpack --image oci:deb b >/dev/null && tar -C b/rootfs -xf " + rootfs
                    + " && umoci repack --image oci:deb b && rm -rf b && umoci config --image oci:deb --config.cmd bash");
            String ref = registry.host() + "/bench/debian:1";
            images.push("deb", ref);
            JsonNode manifest = new ObjectMapper().readTree(images.remoteManifest(ref));
            long blob = 0;
            for (JsonNode l : manifest.path("layers")) {
                blob += l.path("size").asLong();
            }
            System.out.printf("image: %s, %d layer(s), %.1f MB compressed, rootfs tar %.1f MB%n", ref, manifest.path("layers").size(),
                    blob / 1e6, Files.size(rootfs) / 1e6);
            NativeFs fs = new NativeFs();
            List<Double> ours = new ArrayList<>();
            List<Double> peers = new ArrayList<>();
            images.sh("sync"); // the build's dirty pages are written back before the first timed run
            long[] downloaded = new long[1];
            for (int i = 0; i < runs; i++) {
                Path store = work.resolve("store");
                long t0 = System.nanoTime();
                ImageStore s = ImageStore.open(store, new LayerUnpacker(fs, UnpackOptions.forCurrentUser(fs)));
                ImageRecord r = new ImagePuller(new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE), s)
                        .pull(ImageReference.parse(ref), Platform.parse("linux/amd64"), (id, status, current, total) -> {
                            if (status.equals("Download complete")) {
                                downloaded[0] = System.nanoTime();
                            }
                        });
                double jc = (System.nanoTime() - t0) / 1e9;
                double jcDownload = (downloaded[0] - t0) / 1e9;
                if (!s.isComplete(r)) {
                    throw new IllegalStateException("incomplete pull");
                }
                FileTrees.deleteRecursively(store);
                images.sh("sync");

                long t1 = System.nanoTime();
                images.sh("skopeo copy --quiet --src-tls-verify=false docker://" + ref + " oci:peer:deb");
                double peerDownload = (System.nanoTime() - t1) / 1e9;
                images.sh("umoci unpack --image peer:deb bundle >/dev/null");
                double peer = (System.nanoTime() - t1) / 1e9;
                images.sh("rm -rf peer bundle && sync");
                ours.add(jc);
                peers.add(peer);
                System.out.printf("run %d: jcompose pull+unpack %.2f s (download %.2f s), skopeo copy + umoci unpack %.2f s (skopeo %.2f s)%n",
                        i + 1, jc, jcDownload, peer, peerDownload);
            }
            System.out.printf("median of %d: jcompose %.2f s, skopeo+umoci %.2f s (first jcompose run includes JIT warm-up)%n",
                    runs, median(ours), median(peers));
        } finally {
            FileTrees.deleteRecursively(work.resolve("store"));
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
