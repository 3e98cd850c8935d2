package dev.jcompose.cli.image;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jetty.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose image import FILE|- [REPOSITORY[:TAG]]}: a rootfs tarball (plain, gzip or zstd)
 * becomes a one-layer image, as {@code docker import}; prints the new image's ID.
 */
@Command(name = "import", description = "Import the contents from a tarball to create a filesystem image")
final class ImageImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE|-", description = "The tarball, or - for stdin")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]", description = "Name (and tag) for the image")
    String reference;

    @Option(names = {"-c", "--change"}, paramLabel = "INSTRUCTION",
            description = "Apply a Dockerfile instruction to the image (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR)")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, description = "Set the commit message for the imported image")
    String message;

    @Option(names = "--platform", description = "Set platform (os/arch[/variant]) if the server is multi-platform capable")
    String platform;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        StringBuilder path = new StringBuilder("/images/create?fromSrc=-");
        query(path, "repo", reference);
        query(path, "message", message);
        query(path, "platform", platform);
        changes.forEach(c -> query(path, "changes", c));
        PrintWriter out = spec.commandLine().getOut();
        try (InputStream in = source.equals("-") ? System.in : Files.newInputStream(Path.of(source));
             EngineClient engine = EngineConnection.connect(System.getenv())) {
            engine.stream(HttpMethod.POST, path.toString(), in, "application/x-tar", msg -> {
                if (msg.hasNonNull("status")) {
                    out.println(msg.get("status").asText());
                    out.flush();
                }
            });
        } catch (NoSuchFileException e) {
            throw new UserError("open " + source + ": no such file or directory");
        }
        return 0;
    }

    private static void query(StringBuilder path, String name, String value) {
        if (value != null && !value.isEmpty()) {
            path.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
