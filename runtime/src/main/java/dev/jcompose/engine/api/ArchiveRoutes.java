package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.archive.IdShift;
import dev.jcompose.engine.archive.OverlayMount;
import dev.jcompose.engine.archive.PathStat;
import dev.jcompose.engine.archive.ScopedPath;
import dev.jcompose.engine.archive.TarExtract;
import dev.jcompose.engine.archive.TreeTar;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.lifecycle.ImageRootfs;
import dev.jcompose.engine.shim.UserNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * {@code HEAD/GET/PUT /containers/{id}/archive?path=…}: Docker's file copy endpoints. HEAD answers the
 * path's stat in the {@code X-Docker-Container-Path-Stat} header; GET adds the tar of the path (its
 * top entry named as the path's last element); PUT unpacks a tar into a directory. Paths are
 * resolved in the container's root as the engine reaches it (running: {@code /proc/<pid>/root}, the
 * merged overlay with the container's mounts; stopped: its overlay mounted for the copy), links
 * within the container's scope. Owners of a container remapped into a user namespace shift between
 * its ids and the host's.
 */
public final class ArchiveRoutes {
    private final ContainerService containers;
    private final ImageStore images;
    private final ObjectMapper json;
    private final UserNamespace remap;

    public ArchiveRoutes(ContainerService containers, ImageStore images, ObjectMapper json) {
        this(containers, images, json, null);
    }

    /** @param remap dockerd's --userns-remap (null: none): owners shift between a remapped container's ids and the host's */
    public ArchiveRoutes(ContainerService containers, ImageStore images, ObjectMapper json, UserNamespace remap) {
        this.remap = remap;
        this.containers = containers;
        this.images = images;
        this.json = json;
    }

    /** What a copy does with the container's root (the host directory that is its {@code /}). */
    @FunctionalInterface
    private interface InRoot {
        void run(Path root) throws IOException;
    }

    /**
     * Runs {@code action} on the container's root: a running container's through {@code /proc/<pid>/root}
     * (its mounts included); a stopped one's overlay mounted for the copy (one at a time, so that two
     * copies never share its work dir), without its volumes.
     */
    private void inRoot(ContainerRecord r, InRoot action) throws IOException {
        if (r.state().running()) {
            action.run(Path.of("/proc/" + r.state().pid() + "/root"));
            return;
        }
        synchronized (this) {
            ImageRecord image = images.get(Digest.parse(r.image()))
                    .orElseThrow(() -> new ApiError(404, "No such image: " + r.config().image()));
            Path dir = containers.store().directory(r.id());
            String data = new ImageRootfs(images, image).overlayData(dir);
            try (OverlayMount mount = OverlayMount.mount(dir.resolve("archive-mnt"), data)) {
                action.run(mount.root());
            }
        }
    }

    public void register(Router router) {
        router.add("GET", "/containers/{id}/archive", ContainerRoutes.guarded(this::get));
        router.add("PUT", "/containers/{id}/archive", ContainerRoutes.guarded(this::put));
    }

    private static String pathOf(ApiExchange ex) {
        String path = ex.query("path").orElse("");
        if (path.isEmpty()) {
            throw ApiError.badRequest("Path cannot be empty");
        }
        return path;
    }

    /** GET (and HEAD, which the router sends here): the stat header, then the tar unless HEAD. */
    private void get(ApiExchange ex) throws IOException {
        ContainerRecord r = containers.inspect(ex.path("id"));
        String path = pathOf(ex);
        inRoot(r, root -> get(ex, r, root, path));
    }

    private void get(ApiExchange ex, ContainerRecord r, Path root, String path) throws IOException {
        boolean followLast = path.endsWith("/") || path.endsWith("/.");
        ScopedPath resolved = ScopedPath.resolve(root, path, followLast);
        if (!Files.exists(resolved.host(), LinkOption.NOFOLLOW_LINKS)) {
            throw ApiError.notFound("Could not find the file " + path + " in container " + r.shortName());
        }
        String name = path.endsWith("/.") ? "." : resolved.container().equals("/") ? "/" : lastElement(path);
        PathStat stat = PathStat.of(resolved, name);
        ex.setHeader(PathStat.HEADER, stat.header(json));
        if (ex.method().equals("HEAD")) {
            ex.sendStatus(200);
            return;
        }
        OutputStream out = ex.openStream(200, "application/x-tar");
        try (out) {
            TreeTar.write(resolved.host(), name.equals("/") ? "." : name, out, toContainer(r));
        } catch (IOException e) {
            // the client went away (the docker CLI hangs up once it has read the end of the archive),
            // or a file vanished while it was read: the stream ends short
        }
    }

    private void put(ApiExchange ex) throws IOException {
        ContainerRecord r = containers.inspect(ex.path("id"));
        String path = pathOf(ex);
        inRoot(r, root -> put(ex, r, root, path));
        ex.sendStatus(200);
    }

    private void put(ApiExchange ex, ContainerRecord r, Path root, String path) throws IOException {
        ScopedPath dir = ScopedPath.resolve(root, path, true);
        if (!Files.exists(dir.host())) {
            throw ApiError.notFound("Could not find the file " + path + " in container " + r.shortName());
        }
        if (!Files.isDirectory(dir.host())) {
            throw ApiError.badRequest("extraction point is not a directory");
        }
        var options = new TarExtract.Options(null, ex.queryBool("copyUIDGID", false) ? TarExtract.Ownership.KEEP : TarExtract.Ownership.ROOT,
                ex.queryBool("noOverwriteDirNonDir", false), toHost(r));
        try (InputStream body = ex.body()) {
            TarExtract.extract(body, root, dir.container(), options);
        } catch (IOException e) {
            throw ApiError.badRequest("extracting into " + path + " of container " + r.shortName() + ": " + e.getMessage());
        }
    }

    /** The container's user namespace, or null (not remapped, or UsernsMode host). */
    private UserNamespace userns(ContainerRecord r) {
        return remap == null || "host".equals(r.hostConfig().usernsMode()) ? null : remap;
    }

    /** Into a remapped container: its ids to the host's (an id it does not map becomes its overflow id, nobody). */
    private IdShift toHost(ContainerRecord r) {
        UserNamespace ns = userns(r);
        return ns == null ? IdShift.NONE : new IdShift(id -> ns.hostUid(id) >= 0 ? ns.hostUid(id) : ns.hostUid(65534),
                id -> ns.hostGid(id) >= 0 ? ns.hostGid(id) : ns.hostGid(65534));
    }

    /** Out of a remapped container: host ids as it sees them (unmapped ones as 65534). */
    private IdShift toContainer(ContainerRecord r) {
        UserNamespace ns = userns(r);
        return ns == null ? IdShift.NONE : new IdShift(id -> ns.containerUid(id) >= 0 ? ns.containerUid(id) : 65534,
                id -> ns.containerGid(id) >= 0 ? ns.containerGid(id) : 65534);
    }

    private static String lastElement(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
