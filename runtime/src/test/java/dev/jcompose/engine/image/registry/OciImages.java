package dev.jcompose.engine.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.engine.image.ref.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test images made by the real tools: an OCI layout built with {@code umoci} from Debian's static
 * busybox, layers added by running shell scripts in an unpacked bundle, pushed with {@code skopeo}.
 */
public final class OciImages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final AtomicInteger bundles = new AtomicInteger();

    /** Creates {@code dir/oci}, an empty OCI layout. */
    public OciImages(Path dir) throws Exception {
        this.dir = dir;
        Files.createDirectories(dir);
        sh("umoci init --layout oci");
    }

    public Path layout() {
        return dir.resolve("oci");
    }

    /** A new image {@code tag} with one layer: busybox, its {@code sh} link, then {@code script} run in the rootfs. */
    public void busybox(String tag, String script) throws Exception {
        sh("umoci new --image oci:" + tag);
        layer(tag, "mkdir -p bin && cp /bin/busybox bin/ && ln -s busybox bin/sh\n" + script);
        sh("umoci config --image oci:" + tag + " --config.cmd sh --config.env PATH=/bin");
    }

    /** Adds a layer to {@code tag}: the diff made by {@code script} run in the unpacked rootfs (umoci repack writes whiteouts for deletions). */
    public void layer(String tag, String script) throws Exception {
        String bundle = "bundle" + bundles.incrementAndGet();
        sh("umoci unpack --image oci:" + tag + " " + bundle + " >/dev/null");
        sh("cd " + bundle + "/rootfs\n" + script);
        sh("umoci repack --image oci:" + tag + " " + bundle + " && rm -rf " + bundle);
    }

    /** Adds an uncompressed layer tar made by the caller (e.g. with GNU tar) as it is: {@code umoci raw add-layer}. */
    public void rawLayer(String tag, Path tar) throws Exception {
        sh("umoci raw add-layer --image oci:" + tag + " " + tar);
    }

    public void config(String tag, String flags) throws Exception {
        sh("umoci config --image oci:" + tag + " " + flags);
    }

    /**
     * Adds tag {@code indexTag}: an OCI image index over existing single-platform tags, each with the
     * platform given ({@code tag → "os/arch"}), written into the layout as a blob.
     */
    public Digest index(String indexTag, Map<String, String> platforms) throws IOException {
        Path indexJson = layout().resolve("index.json");
        ObjectNode top = (ObjectNode) JSON.readTree(indexJson.toFile());
        ArrayNode entries = JSON.createArrayNode();
        for (Map.Entry<String, String> e : platforms.entrySet()) {
            ObjectNode found = null;
            for (var m : top.withArray("manifests")) {
                if (e.getKey().equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
                    found = ((ObjectNode) m).deepCopy();
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("no tag " + e.getKey() + " in " + indexJson);
            }
            found.remove("annotations");
            String[] p = e.getValue().split("/");
            found.putObject("platform").put("architecture", p[1]).put("os", p[0]);
            entries.add(found);
        }
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.index.v1+json");
        index.set("manifests", entries);
        byte[] bytes = JSON.writeValueAsBytes(index);
        Digest digest = Digest.of(bytes);
        Files.write(layout().resolve("blobs/sha256").resolve(digest.hex()), bytes);
        ObjectNode ref = top.withArray("manifests").addObject().put("mediaType", "application/vnd.oci.image.index.v1+json")
                .put("digest", digest.toString()).put("size", bytes.length);
        ref.putObject("annotations").put("org.opencontainers.image.ref.name", indexTag);
        JSON.writeValue(indexJson.toFile(), top);
        return digest;
    }

    /** {@code skopeo copy oci:oci:<tag> docker://<dest>} over plain HTTP, with extra skopeo flags. */
    public void push(String tag, String dest, String... flags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "copy", "--quiet", "--dest-tls-verify=false"));
        cmd.addAll(List.of(flags));
        cmd.add("oci:" + layout() + ":" + tag);
        cmd.add("docker://" + dest);
        run(cmd);
    }

    /** The manifest (or index) as the registry serves it, read by skopeo. */
    public String remoteManifest(String ref, String... flags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "inspect", "--raw", "--tls-verify=false"));
        cmd.addAll(List.of(flags));
        cmd.add("docker://" + ref);
        return run(cmd);
    }

    /** Runs a shell script in this builder's directory; fails with its output when it fails. */
    public String sh(String script) throws Exception {
        return run(List.of("sh", "-ec", script));
    }

    private String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + ": timed out");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": exit " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
