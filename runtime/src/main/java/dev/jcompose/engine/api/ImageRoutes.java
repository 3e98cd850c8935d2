package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.engine.image.ImageException;
import dev.jcompose.engine.image.archive.ImageArchiveLoader;
import dev.jcompose.engine.image.archive.ImageChanges;
import dev.jcompose.engine.image.archive.RootfsImporter;
import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.registry.ImagePuller;
import dev.jcompose.engine.image.store.ImageConflictException;
import dev.jcompose.engine.image.store.ImageNotFoundException;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.PruneResult;
import dev.jcompose.engine.image.store.RemoveResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The image endpoints, Docker's shapes: {@code POST /images/create} (pull with {@code fromImage},
 * import with {@code fromSrc=-}), {@code POST /images/load}, {@code GET /images/json} (filters),
 * {@code GET /images/{name}/json}, {@code GET /images/{name}/history}, {@code DELETE /images/{name}},
 * {@code POST /images/prune}.
 */
public final class ImageRoutes {
    private final ImageStore images;
    private final Predicate<Digest> inUse;
    private final Path scratch;
    private final ObjectMapper json;
    private final ImagePuller puller;
    private final ImageJson shapes;

    public ImageRoutes(ImageStore images, Predicate<Digest> inUse, Path scratch, ObjectMapper json, ImagePuller puller) {
        this.images = images;
        this.inUse = inUse;
        this.scratch = scratch;
        this.json = json;
        this.puller = puller;
        this.shapes = new ImageJson(images, json);
    }

    public void register(Router router) {
        router.add("POST", "/images/load", this::load);
        router.add("POST", "/images/create", ex -> {
            if (ex.query("fromSrc").isPresent()) {
                importTarball(ex);
            } else {
                pull(ex);
            }
        });
        router.add("POST", "/images/prune", this::prune);
        router.add("GET", "/images/json", this::list);
        router.add("GET", "/images/{name:.+}/json", guarded(ex -> ex.sendJson(200, shapes.inspect(find(ex.path("name"))))));
        router.add("GET", "/images/{name:.+}/history", guarded(ex -> ex.sendJson(200, shapes.history(find(ex.path("name"))))));
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

    private void list(ApiExchange ex) throws IOException {
        Predicate<ImageRecord> filter = ImageFilters.parse(ex.query("filters").orElse(null), json, shapes::labels, images::find,
                Set.of("reference", "dangling", "label", "before", "since"));
        Predicate<String> shown = ImageFilters.shownTags(ex.query("filters").orElse(null), json);
        ArrayNode out = json.createArrayNode();
        images.list().stream().filter(filter)
                .forEach(r -> out.add(shapes.summary(r.withRefs(r.repoTags().stream().filter(shown).toList(), r.repoDigests().stream().filter(shown).toList()))));
        ex.sendJson(200, out);
    }

    /** A JSON message stream; once it is open, errors are messages in it, as docker's. */
    private interface StreamWork {
        void run(ObjectStream out) throws IOException, InterruptedException;
    }

    private final class ObjectStream {
        private final OutputStream out;

        ObjectStream(OutputStream out) {
            this.out = out;
        }

        synchronized void send(Object message) {
            try {
                out.write(json.writeValueAsBytes(message));
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void stream(ApiExchange ex, StreamWork work) throws IOException {
        OutputStream raw = ex.openStream(200, "application/json");
        ObjectStream out = new ObjectStream(raw);
        try {
            work.run(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ImageException | IOException | UncheckedIOException e) {
            String msg = e.getMessage();
            out.send(Map.of("errorDetail", Map.of("message", msg), "error", msg));
        }
        raw.close();
    }

    /** {@code docker load}: a {@code docker save} archive or an OCI image layout tar; {@code platform} picks from an index. */
    private void load(ApiExchange ex) throws IOException {
        Platform platform = platform(ex);
        stream(ex, out -> new ImageArchiveLoader(images).load(ex.body(), scratch, platform, line -> out.send(Map.of("stream", line))));
    }

    /**
     * {@code docker pull}: Docker's JSON progress stream. A layer's messages carry {@code progressDetail}
     * (empty without a byte count) as dockerd's do: docker compose shows only messages that have it.
     */
    private void pull(ApiExchange ex) throws IOException {
        String from = ex.query("fromImage").orElseThrow(() -> ApiError.badRequest("fromImage or fromSrc is required"));
        String tag = ex.query("tag").orElse("");
        String text = tag.isEmpty() ? from : tag.startsWith("sha256:") ? from + "@" + tag : from + ":" + tag;
        ImageReference ref = reference(text);
        Platform platform = platform(ex);
        stream(ex, out -> {
            Optional<Digest> before = images.find(ref.toString()).map(ImageRecord::id);
            ImageRecord pulled = puller.pull(ref, platform, new ImagePuller.Listener() {
                @Override
                public void status(String id, String status, long current, long total) {
                    ObjectNode m = json.createObjectNode().put("status", status);
                    ObjectNode detail = m.putObject("progressDetail");
                    if (total > 0) {
                        detail.put("current", current).put("total", total);
                    }
                    if (id != null) {
                        m.put("id", id);
                    }
                    out.send(m);
                }

                @Override
                public void message(String id, String message) {
                    ObjectNode m = json.createObjectNode().put("status", message);
                    if (id != null) {
                        m.put("id", id);
                    }
                    out.send(m);
                }
            });
            boolean same = before.isPresent() && before.get().equals(pulled.id());
            out.send(Map.of("status", (same ? "Status: Image is up to date for " : "Status: Downloaded newer image for ") + ref.familiarString()));
        });
    }

    /** {@code docker import}: the request body is a rootfs tarball; answers the new image's ID as a status message. */
    private void importTarball(ApiExchange ex) throws IOException {
        String src = ex.query("fromSrc").orElseThrow();
        if (!src.equals("-")) {
            throw ApiError.badRequest("importing from a URL is not supported: send the tarball as the request body (fromSrc=-)");
        }
        String repo = ex.query("repo").orElse("");
        String tag = ex.query("tag").orElse("");
        ImageReference ref = repo.isEmpty() ? null : reference(tag.isEmpty() ? repo : repo + ":" + tag);
        RootfsImporter.Request request = new RootfsImporter.Request(ref, Optional.ofNullable(ex.queryAll("changes")).orElse(List.of()), ex.query("message").orElse(""),
                platform(ex), src);
        ImageRecord r;
        try {
            ImageChanges.apply(json.createObjectNode(), request.changes());
        } catch (ImageException e) {
            ex.body().transferTo(OutputStream.nullOutputStream()); // read the upload so the client sees the answer, not a reset
            throw ApiError.badRequest(e.getMessage());
        }
        try {
            r = new RootfsImporter(images).importTarball(ex.body(), scratch, request);
        } catch (ImageException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        stream(ex, out -> out.send(Map.of("status", r.id().toString())));
    }

    private static ImageReference reference(String text) {
        try {
            return ImageReference.parse(text);
        } catch (RuntimeException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static Platform platform(ApiExchange ex) {
        try {
            return ex.query("platform").filter(p -> !p.isEmpty()).map(Platform::parse).orElse(Platform.host());
        } catch (RuntimeException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private void remove(ApiExchange ex) throws IOException {
        RemoveResult r = images.remove(ex.path("name"), inUse, ex.queryBool("force", false));
        ArrayNode out = json.createArrayNode();
        r.untagged().forEach(u -> out.addObject().put("Untagged", u));
        r.deleted().forEach(d -> out.addObject().put("Deleted", d));
        ex.sendJson(200, out);
    }

    /** {@code docker image prune}: dangling images (filter {@code dangling=false}: every unused image), optionally by label. */
    private void prune(ApiExchange ex) throws IOException {
        String raw = ex.query("filters").orElse(null);
        JsonNode filters = raw == null || raw.isBlank() ? json.createObjectNode() : json.readTree(raw);
        ObjectNode labelsOnly = json.createObjectNode();
        for (Iterator<String> it = filters.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("dangling") && !name.equals("label")) {
                throw ApiError.badRequest("invalid filter '" + name + "'");
            }
        }
        if (filters.has("label")) {
            labelsOnly.set("label", filters.get("label"));
        }
        Predicate<ImageRecord> byLabel = ImageFilters.parse(json.writeValueAsString(labelsOnly), json, shapes::labels, images::find,
                Set.of("label"));
        boolean danglingOnly = ImageFilters.values(filters.path("dangling")).stream()
                .noneMatch(v -> v.equalsIgnoreCase("false") || v.equals("0"));
        List<ImageRecord> before = images.list();
        PruneResult result = images.prune(inUse, r -> (!danglingOnly || r.repoTags().isEmpty()) && byLabel.test(r));
        ArrayNode deleted = json.createArrayNode();
        for (ImageRecord r : before) {
            if (result.images().contains(r.id())) {
                r.repoTags().forEach(t -> deleted.addObject().put("Untagged", ImageReference.parse(t).familiarString()));
                deleted.addObject().put("Deleted", r.id().toString());
            }
        }
        result.layers().forEach(l -> deleted.addObject().put("Deleted", l.toString()));
        ObjectNode body = json.createObjectNode();
        body.set("ImagesDeleted", deleted);
        body.put("SpaceReclaimed", result.reclaimedBytes());
        ex.sendJson(200, body);
    }
}
