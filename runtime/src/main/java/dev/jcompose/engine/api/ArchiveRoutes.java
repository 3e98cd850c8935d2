package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.archive.PathStat;
import dev.jcompose.engine.archive.ScopedPath;
import dev.jcompose.engine.archive.TarExtract;
import dev.jcompose.engine.archive.TreeTar;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
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
 * resolved in the running container's root as the engine reaches it ({@code /proc/<pid>/root}, the
 * merged overlay with the container's mounts), links within the container's scope.
 */
public final class ArchiveRoutes {
    private final ContainerService containers;
    private final ObjectMapper json;

    public ArchiveRoutes(ContainerService containers, ObjectMapper json) {
        this.containers = containers;
        this.json = json;
    }

    public void register(Router router) {
        router.add("GET", "/containers/{id}/archive", ContainerRoutes.guarded(this::get));
        router.add("PUT", "/containers/{id}/archive", ContainerRoutes.guarded(this::put));
    }

    private Path root(ContainerRecord r) {
        if (!r.state().running()) {
            throw ApiError.conflict("copying files needs the container running (its root is mounted only then): container "
                    + r.shortName() + " is " + r.state().status());
        }
        return Path.of("/proc/" + r.state().pid() + "/root");
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
        boolean followLast = path.endsWith("/") || path.endsWith("/.");
        ScopedPath resolved = ScopedPath.resolve(root(r), path, followLast);
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
        try {
            TreeTar.write(resolved.host(), name.equals("/") ? "." : name, out);
        } catch (IOException e) {
            return; // the client went away, or a file vanished while it was read: the stream ends short
        }
        out.close();
    }

    private void put(ApiExchange ex) throws IOException {
        ContainerRecord r = containers.inspect(ex.path("id"));
        String path = pathOf(ex);
        Path root = root(r);
        ScopedPath dir = ScopedPath.resolve(root, path, true);
        if (!Files.exists(dir.host())) {
            throw ApiError.notFound("Could not find the file " + path + " in container " + r.shortName());
        }
        if (!Files.isDirectory(dir.host())) {
            throw ApiError.badRequest("extraction point is not a directory");
        }
        var options = new TarExtract.Options(null, ex.queryBool("copyUIDGID", false) ? TarExtract.Ownership.KEEP : TarExtract.Ownership.ROOT,
                ex.queryBool("noOverwriteDirNonDir", false));
        try (InputStream body = ex.body()) {
            TarExtract.extract(body, root, dir.container(), options);
        } catch (IOException e) {
            throw ApiError.badRequest("extracting into " + path + " of container " + r.shortName() + ": " + e.getMessage());
        }
        ex.sendStatus(200);
    }

    private static String lastElement(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
