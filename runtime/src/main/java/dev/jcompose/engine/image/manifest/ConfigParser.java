package dev.jcompose.engine.image.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.InvalidReferenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an image config blob (OCI image config / Docker container image v1 JSON) into an {@link ImageConfig}. */
public final class ConfigParser {
    private ConfigParser() {
    }

    public static ImageConfig parse(byte[] bytes, String what) {
        JsonNode root = ManifestParser.readTree(bytes, "image config of " + what);
        String os = ManifestParser.text(root, "os");
        String arch = ManifestParser.text(root, "architecture");
        Platform platform = new Platform(os == null ? "linux" : os, arch == null ? "amd64" : arch, ManifestParser.text(root, "variant"));
        List<Digest> diffIds = new ArrayList<>();
        try {
            for (JsonNode d : root.path("rootfs").path("diff_ids")) {
                diffIds.add(Digest.parse(d.asText()));
            }
        } catch (InvalidReferenceException e) {
            throw new ManifestFormatException("reading the image config of " + what + ": rootfs.diff_ids: " + e.getMessage(), e);
        }
        JsonNode c = root.path("config");
        ContainerConfig config = c.isObject() ? containerConfig(c) : ContainerConfig.EMPTY;
        return new ImageConfig(platform, diffIds, config, ManifestParser.text(root, "created"));
    }

    private static ContainerConfig containerConfig(JsonNode c) {
        Map<String, String> labels = new LinkedHashMap<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new ContainerConfig(strings(c.path("Env")), nullableStrings(c.get("Entrypoint")), nullableStrings(c.get("Cmd")),
                ManifestParser.text(c, "WorkingDir"), ManifestParser.text(c, "User"), keys(c.path("ExposedPorts")),
                keys(c.path("Volumes")), labels, ManifestParser.text(c, "StopSignal"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<String> nullableStrings(JsonNode array) {
        return array == null || array.isNull() ? null : strings(array);
    }

    private static List<String> keys(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
