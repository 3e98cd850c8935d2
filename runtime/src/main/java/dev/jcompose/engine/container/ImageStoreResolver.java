package dev.jcompose.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.manifest.ConfigParser;
import dev.jcompose.engine.image.manifest.ContainerConfig;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Resolves the image of a create request in the engine's image store and reads its config blob for the defaults. */
public final class ImageStoreResolver implements ImageResolver {
    private final ImageStore images;
    private final ObjectMapper json;

    public ImageStoreResolver(ImageStore images, ObjectMapper json) {
        this.images = images;
        this.json = json;
    }

    @Override
    public Optional<ResolvedImage> resolve(String reference) {
        Optional<ImageRecord> found = images.find(reference);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ImageRecord record = found.get();
        try {
            byte[] blob = images.blobs().read(record.id());
            ContainerConfig c = ConfigParser.parse(blob, reference).config();
            JsonNode health = json.readTree(blob).path("config").path("Healthcheck");
            var healthcheck = health.isObject() ? json.treeToValue(health, dev.jcompose.engine.container.ContainerConfig.HealthConfig.class)
                    : null;
            ImageDefaults defaults = new ImageDefaults(c.cmd(), c.entrypoint(), c.env(), c.workingDir(), c.user(),
                    keyed(c.exposedPorts()), keyed(c.volumes()), healthcheck, c.labels(),
                    c.stopSignal().isEmpty() ? null : c.stopSignal());
            return Optional.of(new ResolvedImage(record.id().toString(), defaults));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the config of image " + record.id() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, Object>> keyed(java.util.List<String> keys) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, Map.of()));
        return out;
    }
}
