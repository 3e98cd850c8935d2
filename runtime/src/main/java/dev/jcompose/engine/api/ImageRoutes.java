package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.engine.image.ImageException;
import dev.jcompose.engine.image.archive.DockerArchiveLoader;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageConflictException;
import dev.jcompose.engine.image.store.ImageNotFoundException;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerRecord;
import dev.jcompose.engine.image.store.RemoveResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The image endpoints for local images: {@code POST /images/load} ({@code docker load}),
 * {@code GET /images/json}, {@code GET /images/{name}/json}, {@code DELETE /images/{name}} — Docker's
 * shapes; pulls ({@code POST /images/create}) belong with the registry client.
 */
public final class ImageRoutes {
    private final ImageStore images;
    private final Predicate<Digest> inUse;
    private final Path scratch;
    private final ObjectMapper json;
    private final dev.jcompose.engine.image.registry.ImagePuller puller;

    public ImageRoutes(ImageStore images, Predicate<Digest> inUse, Path scratch, ObjectMapper json,
                       dev.jcompose.engine.image.registry.ImagePuller puller) {
        this.images = images;
        this.inUse = inUse;
        this.scratch = scratch;
        this.json = json;
        this.puller = puller;
    }

    public void register(Router router) {
        router.add("POST", "/images/load", this::load);
        router.add("POST", "/images/create", this::pull);
        router.add("GET", "/images/json", ex -> {
            ArrayNode out = json.createArrayNode();
            images.list().forEach(r -> out.add(summary(r)));
            ex.sendJson(200, out);
        });
        router.add("GET", "/images/{name:.+}/json", guarded(ex -> ex.sendJson(200, inspect(find(ex.path("name"))))));
        router.add("DELETE", "/images/{name:.+}", guarded(this::remove));
    }

    private static Route guarded(Route route) {
        return ex -> {
            try {
                route.handle(ex);
            } catch (ImageNotFoundException e) {
                throw ApiError.notFound(e.getMessage());
            } catch (ImageConflictException e) {
                throw ApiError.conflict(e.getMessage());
            }
        };
    }

    private ImageRecord find(String name) {
        return images.find(name).orElseThrow(() -> new ApiError(404, "No such image: " + name));
    }

    private void load(ApiExchange ex) throws IOException {
        OutputStream out = ex.openStream(200, "application/json");
        try {
            new DockerArchiveLoader(images).load(ex.body(), scratch, line -> {
                try {
                    out.write(json.writeValueAsBytes(Map.of("stream", line)));
                    out.write('\n');
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (ImageException | IOException e) {
            out.write(json.writeValueAsBytes(Map.of("errorDetail", Map.of("message", e.getMessage()), "error", e.getMessage())));
            out.write('\n');
        }
        out.close();
    }

    /** {@code docker pull}: Docker's JSON progress stream, errors inside the stream once it has started. */
    private void pull(ApiExchange ex) throws IOException {
        String from = ex.query("fromImage").orElseThrow(() -> ApiError.badRequest("only pulls (fromImage) are supported"));
        String tag = ex.query("tag").orElse("");
        String text = tag.isEmpty() ? from : tag.startsWith("sha256:") ? from + "@" + tag : from + ":" + tag;
        dev.jcompose.engine.image.ref.ImageReference ref;
        dev.jcompose.engine.image.manifest.Platform platform;
        try {
            ref = dev.jcompose.engine.image.ref.ImageReference.parse(text);
            platform = ex.query("platform").filter(p -> !p.isEmpty()).map(dev.jcompose.engine.image.manifest.Platform::parse)
                    .orElse(dev.jcompose.engine.image.manifest.Platform.host());
        } catch (RuntimeException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        OutputStream out = ex.openStream(200, "application/json");
        try {
            puller.pull(ref, platform, (id, status, current, total) -> {
                var m = json.createObjectNode().put("status", status);
                if (id != null) {
                    m.put("id", id);
                }
                if (total > 0) {
                    m.putObject("progressDetail").put("current", current).put("total", total);
                }
                try {
                    out.write(json.writeValueAsBytes(m));
                    out.write('\n');
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.write(json.writeValueAsBytes(Map.of("status", "Status: Downloaded newer image for " + ref.familiarString())));
            out.write('\n');
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ImageException | IOException | java.io.UncheckedIOException e) {
            String msg = e.getMessage();
            out.write(json.writeValueAsBytes(Map.of("errorDetail", Map.of("message", msg), "error", msg)));
            out.write('\n');
        }
        out.close();
    }

    private void remove(ApiExchange ex) throws IOException {
        RemoveResult r = images.remove(ex.path("name"), inUse, ex.queryBool("force", false));
        ArrayNode out = json.createArrayNode();
        r.untagged().forEach(u -> out.addObject().put("Untagged", u));
        r.deleted().forEach(d -> out.addObject().put("Deleted", d));
        ex.sendJson(200, out);
    }

    private ObjectNode summary(ImageRecord r) {
        ObjectNode o = json.createObjectNode();
        o.put("Id", r.id().toString());
        o.put("ParentId", "");
        o.set("RepoTags", json.valueToTree(r.repoTags()));
        o.set("RepoDigests", json.valueToTree(r.repoDigests()));
        o.put("Created", created(r));
        o.put("Size", r.size());
        o.put("SharedSize", -1);
        o.put("Containers", -1);
        o.set("Labels", config(r).path("config").path("Labels"));
        return o;
    }

    private ObjectNode inspect(ImageRecord r) throws IOException {
        JsonNode config = config(r);
        ObjectNode o = json.createObjectNode();
        o.put("Id", r.id().toString());
        o.set("RepoTags", json.valueToTree(r.repoTags()));
        o.set("RepoDigests", json.valueToTree(r.repoDigests()));
        o.put("Created", r.created());
        o.put("Architecture", config.path("architecture").asText("amd64"));
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

    private JsonNode config(ImageRecord r) {
        try {
            return json.readTree(images.blobs().read(r.id()));
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static long created(ImageRecord r) {
        try {
            return Instant.parse(r.created()).getEpochSecond();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
