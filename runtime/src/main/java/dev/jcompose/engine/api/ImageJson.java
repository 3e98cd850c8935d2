package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerInfo;
import dev.jcompose.engine.image.store.LayerRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Docker's JSON shapes for images: the list summary, inspect, and history, read from the record and its config blob. */
final class ImageJson {
    private final ImageStore images;
    private final ObjectMapper json;

    ImageJson(ImageStore images, ObjectMapper json) {
        this.images = images;
        this.json = json;
    }

    /** The image's config blob ({@code architecture}, {@code config}, {@code history}, …), or an empty object if unreadable. */
    JsonNode config(ImageRecord r) {
        try {
            return json.readTree(images.blobs().read(r.id()));
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    Map<String, String> labels(ImageRecord r) {
        Map<String, String> out = new LinkedHashMap<>();
        config(r).path("config").path("Labels").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    ObjectNode summary(ImageRecord r) {
        ObjectNode o = json.createObjectNode();
        o.put("Id", r.id().toString());
        o.put("ParentId", "");
        o.set("RepoTags", json.valueToTree(r.repoTags()));
        o.set("RepoDigests", json.valueToTree(r.repoDigests()));
        o.put("Created", epochSeconds(r.created()));
        o.put("Size", r.size());
        o.put("SharedSize", -1);
        o.put("Containers", -1);
        o.set("Labels", config(r).path("config").path("Labels"));
        return o;
    }

    ObjectNode inspect(ImageRecord r) {
        JsonNode config = config(r);
        ObjectNode o = json.createObjectNode();
        o.put("Id", r.id().toString());
        o.set("RepoTags", json.valueToTree(r.repoTags()));
        o.set("RepoDigests", json.valueToTree(r.repoDigests()));
        o.put("Parent", "");
        o.put("Comment", lastComment(config));
        o.put("Created", r.created());
        o.put("Architecture", config.path("architecture").asText("amd64"));
        if (config.hasNonNull("variant")) {
            o.put("Variant", config.path("variant").asText());
        }
        o.put("Os", config.path("os").asText("linux"));
        o.put("Size", r.size());
        o.set("Config", config.path("config"));
        ObjectNode rootfs = o.putObject("RootFS");
        rootfs.put("Type", "layers");
        ArrayNode layers = rootfs.putArray("Layers");
        for (LayerRecord l : r.layers()) {
            layers.add(l.diffId().toString());
        }
        return o;
    }

    private static String lastComment(JsonNode config) {
        JsonNode history = config.path("history");
        return history.isArray() && history.size() > 0 ? history.get(history.size() - 1).path("comment").asText("") : "";
    }

    /**
     * {@code GET /images/{name}/history}: one entry per config history entry, newest first; entries that
     * made a layer carry its size. The newest carries the image ID and tags, the others {@code <missing>}
     * (their intermediate images do not exist locally), as docker shows pulled images.
     */
    ArrayNode history(ImageRecord r) throws IOException {
        JsonNode config = config(r);
        List<ObjectNode> entries = new ArrayList<>();
        JsonNode history = config.path("history");
        int layer = 0;
        if (history.isArray() && history.size() > 0) {
            for (JsonNode h : history) {
                boolean empty = h.path("empty_layer").asBoolean(false);
                long size = empty || layer >= r.layers().size() ? 0 : layerSize(r.layers().get(layer++));
                entries.add(entry(epochSeconds(h.path("created").asText("")), h.path("created_by").asText(""), h.path("comment").asText(""), size));
            }
        } else {
            for (LayerRecord l : r.layers()) {
                entries.add(entry(epochSeconds(r.created()), "", "", layerSize(l)));
            }
        }
        ArrayNode out = json.createArrayNode();
        for (int i = entries.size() - 1; i >= 0; i--) {
            ObjectNode e = entries.get(i);
            if (i == entries.size() - 1) {
                e.put("Id", r.id().toString());
                e.set("Tags", json.valueToTree(r.repoTags()));
            }
            out.add(e);
        }
        return out;
    }

    private ObjectNode entry(long created, String createdBy, String comment, long size) {
        ObjectNode e = json.createObjectNode();
        e.put("Id", "<missing>");
        e.put("Created", created);
        e.put("CreatedBy", createdBy);
        e.putNull("Tags");
        e.put("Size", size);
        e.put("Comment", comment);
        return e;
    }

    private long layerSize(LayerRecord l) throws IOException {
        return images.layers().get(l.chainId()).map(LayerInfo::size).orElse(0L);
    }

    static long epochSeconds(String rfc3339) {
        try {
            return Instant.parse(rfc3339).getEpochSecond();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
