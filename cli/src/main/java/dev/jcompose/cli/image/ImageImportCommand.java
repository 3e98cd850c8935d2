package dev.jcompose.cli.image;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.Verb;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
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
import org.eclipse.jetty.http.HttpMethod;

/**
 * {@code jcompose image import FILE|- [REPOSITORY[:TAG]]}: a rootfs tarball (plain, gzip or zstd)
 * becomes a one-layer image, as {@code docker import}; prints the new image's ID.
 */
final class ImageImportCommand extends Verb {
    String source;
    String reference;
    List<String> changes = new ArrayList<>();
    String message;
    String platform;

    static final CommandSpec SPEC = CommandSpec.command("import", "Import the contents from a tarball to create a filesystem image")
            .positional("FILE|-", 1, 1)
            .positional("REPOSITORY[:TAG]", 0, 1)
            .repeatable("INSTRUCTION", "Apply a Dockerfile instruction to the image (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR)", "-c", "--change")
            .option("MESSAGE", "Set the commit message for the imported image", "-m", "--message")
            .option("PLATFORM", "Set platform (os/arch[/variant]) if the server is multi-platform capable", "--platform")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        source = args.positional(0);
        reference = args.positional(1);
        changes = args.values("--change");
        message = args.value("--message");
        platform = args.value("--platform");
    }

    @Override
    public Integer call() throws IOException {
        StringBuilder path = new StringBuilder("/images/create?fromSrc=-");
        query(path, "repo", reference);
        query(path, "message", message);
        query(path, "platform", platform);
        changes.forEach(c -> query(path, "changes", c));
        PrintWriter out = out();
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
