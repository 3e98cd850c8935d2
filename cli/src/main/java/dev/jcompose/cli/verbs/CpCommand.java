package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.compose.CopyTarget;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import dev.jcompose.engine.archive.PathStat;
import dev.jcompose.engine.archive.TarExtract;
import dev.jcompose.engine.archive.TreeTar;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jetty.http.HttpMethod;

/**
 * {@code jcompose cp SERVICE:SRC DEST} and {@code cp SRC SERVICE:DEST}: docker cp's rules over the
 * engine's archive endpoints (a directory lands inside an existing directory, or becomes the new
 * name; {@code dir/.} copies its content; {@code -} is a tar on stdin/stdout). From a service: its
 * first (or {@code --index}) container; to a service: all its containers unless {@code --index}.
 */
public final class CpCommand extends ProjectCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    String source;
    String destination;
    int index;
    boolean all;
    boolean archive;
    boolean followLink;

    static final CommandSpec SPEC = CommandSpec.command("cp", "Copy files/folders between a service container and the local filesystem")
            .positional("SRC", 1, 1)
            .positional("DEST", 1, 1)
            .option("N", "Index of the container if service has multiple replicas", "--index")
            .flag("Include containers created by the run command", "--all")
            .flag("Archive mode (copy all uid/gid information)", "-a", "--archive")
            .flag("Always follow symbol link in SRC_PATH", "-L", "--follow-link")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        source = args.positional(0);
        destination = args.positional(1);
        index = args.integer("--index", 0);
        all = args.flag("--all");
        archive = args.flag("--archive");
        followLink = args.flag("--follow-link");
    }

    @Override
    public Integer call() throws Exception {
        CopyTarget src = CopyTarget.parse(source);
        CopyTarget dst = CopyTarget.parse(destination);
        if (src.local() == dst.local()) {
            throw new UserError(src.local() ? "one of SRC or DEST must be a SERVICE:PATH" : "copying between services is not supported");
        }
        String service = src.local() ? dst.service() : src.service();
        String project = load(List.of(service)).name();
        try (EngineClient engine = engine()) {
            List<JsonNode> targets = containers(engine, project, service, !src.local());
            for (JsonNode c : targets) {
                String id = c.path("Id").asText();
                String name = ProjectContainers.name(c);
                if (src.local()) {
                    toContainer(engine, id, src, dst);
                    err().println(" Container " + name + "  copy " + source + " to " + name + ":" + dst.path() + "  Copied");
                } else {
                    fromContainer(engine, id, src, dst);
                    err().println(" Container " + name + "  copy " + name + ":" + src.path() + " to " + destination + "  Copied");
                }
                err().flush();
            }
        }
        return 0;
    }

    private List<JsonNode> containers(EngineClient engine, String project, String service, boolean from) {
        List<JsonNode> list = ProjectContainers.list(engine, project, service).stream()
                .filter(c -> all || !"True".equalsIgnoreCase(c.path("Labels").path(Labels.ONEOFF).asText()))
                .filter(c -> index == 0 || c.path("Labels").path(Labels.NUMBER).asInt() == index)
                .sorted(Comparator.comparingInt(c -> c.path("Labels").path(Labels.NUMBER).asInt()))
                .toList();
        if (list.isEmpty()) {
            throw new UserError(index == 0 ? "no container found for service \"" + service + "\""
                    : "service \"" + service + "\" is not running container #" + index);
        }
        return from ? list.subList(0, 1) : list;
    }

    private void fromContainer(EngineClient engine, String id, CopyTarget src, CopyTarget dst) throws IOException {
        String path = src.cleanPath();
        PathStat stat = stat(engine, id, path);
        if (stat == null) {
            throw new UserError("Could not find the file " + src.path() + " in container " + id.substring(0, 12));
        }
        String renameTo = null;
        if (followLink && !stat.linkTarget().isEmpty()) {
            path = stat.linkTarget();
            stat = stat(engine, id, path);
            renameTo = src.baseName();
        }
        try (var resp = engine.exchange(HttpMethod.GET, "/containers/" + id + "/archive?path=" + enc(path), null, null)) {
            if (dst.path().equals("-")) {
                resp.body().transferTo(System.out);
                System.out.flush();
                return;
            }
            TarExtract.Ownership owner = archive ? TarExtract.Ownership.KEEP : TarExtract.Ownership.CALLER;
            Path target = Path.of(dst.path()).toAbsolutePath().normalize();
            if (Files.isDirectory(target)) {
                String first = src.contentsOnly() && stat.isDir() ? "" : renameTo;
                extract(resp.body(), target, first, owner);
            } else if (dst.path().endsWith("/")) {
                throw new UserError("destination directory " + dst.path() + " does not exist");
            } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && stat.isDir()) {
                throw new UserError("cannot copy a directory to a file: " + dst.path());
            } else {
                Path parent = target.getParent();
                if (!Files.isDirectory(parent)) {
                    throw new UserError("destination directory " + parent + " does not exist");
                }
                extract(resp.body(), parent, target.getFileName().toString(), owner);
            }
        }
    }

    private static void extract(InputStream tar, Path dir, String renameFirst, TarExtract.Ownership owner) throws IOException {
        TarExtract.extract(tar, Path.of("/"), dir.toString(), new TarExtract.Options(renameFirst, owner, false));
    }

    private void toContainer(EngineClient engine, String id, CopyTarget src, CopyTarget dst) throws IOException {
        String query = (archive ? "&copyUIDGID=1" : "") + "&noOverwriteDirNonDir=1";
        if (src.path().equals("-")) {
            engine.exchange(HttpMethod.PUT, "/containers/" + id + "/archive?path=" + enc(dst.path()) + query, System.in, "application/x-tar")
                    .close();
            return;
        }
        Path local = Path.of(src.cleanPath()).toAbsolutePath().normalize();
        if (followLink && Files.isSymbolicLink(local)) {
            local = local.toRealPath();
        }
        if (!Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserError("could not find the file " + src.path() + " to copy");
        }
        boolean sourceDir = Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS);
        PathStat target = stat(engine, id, dst.cleanPath());
        if (target != null && (target.mode() & PathStat.MODE_SYMLINK) != 0) {
            // as the docker CLI: a link as destination is followed (the engine resolves it inside the container)
            dst = new CopyTarget(dst.service(), target.linkTarget());
            target = stat(engine, id, dst.cleanPath());
        }
        String dir;
        String rootName;
        if (target != null && target.isDir()) {
            dir = dst.cleanPath();
            rootName = src.contentsOnly() && sourceDir ? "." : Path.of(src.cleanPath()).toAbsolutePath().normalize().getFileName().toString();
        } else if (target != null && sourceDir) {
            throw new UserError("cannot copy a directory to a file: " + dst.path());
        } else if (target == null && dst.path().endsWith("/")) {
            throw new UserError("destination directory " + dst.path() + " does not exist in the container");
        } else {
            dir = dst.parent();
            rootName = dst.baseName();
            if (rootName.isEmpty()) {
                throw new UserError("cannot copy to " + dst.path() + ": it is not a directory in the container");
            }
        }
        Path from = local;
        PipedInputStream body = new PipedInputStream(1 << 16);
        PipedOutputStream pipe = new PipedOutputStream(body);
        IOException[] failure = new IOException[1];
        Thread writer = new Thread(() -> {
            try (pipe) {
                TreeTar.write(from, rootName, pipe);
            } catch (IOException e) {
                failure[0] = e;
            }
        }, "cp-tar");
        writer.start();
        try {
            engine.exchange(HttpMethod.PUT, "/containers/" + id + "/archive?path=" + enc(dir) + query, body, "application/x-tar").close();
        } finally {
            body.close();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure[0] != null) {
            throw new IOException("reading " + from + ": " + failure[0].getMessage(), failure[0]);
        }
    }

    /** The stat of a container path (HEAD archive), or null when it does not exist. */
    private static PathStat stat(EngineClient engine, String id, String path) throws IOException {
        try (var resp = engine.exchange(HttpMethod.HEAD, "/containers/" + id + "/archive?path=" + enc(path), null, null)) {
            String header = resp.headers().get(PathStat.HEADER);
            if (header == null) {
                throw new IOException("the engine sent no " + PathStat.HEADER + " header for " + path);
            }
            return PathStat.fromHeader(header, JSON);
        } catch (EngineException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
