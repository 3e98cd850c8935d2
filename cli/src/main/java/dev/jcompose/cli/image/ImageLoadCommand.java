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
import org.eclipse.jetty.http.HttpMethod;

/**
 * {@code jcompose image load -i FILE}: a {@code docker save} archive or an OCI image layout tar into
 * the engine, as {@code docker load}; {@code -i DIR} sends an OCI image layout directory as a tar.
 */
final class ImageLoadCommand extends Verb {
    Path input;
    boolean quiet;
    String platform;

    static final CommandSpec SPEC = CommandSpec.command("load", "Load images from a docker save or OCI archive, or an OCI layout directory (stdin by default)")
            .option("FILE", "Read from a tar archive file (or an OCI layout directory) instead of stdin", "-i", "--input")
            .flag("Suppress the load output", "-q", "--quiet")
            .option("PLATFORM", "Load only the given platform's image from a multi-platform archive (os/arch[/variant])", "--platform")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        input = args.path("--input");
        quiet = args.flag("--quiet");
        platform = args.value("--platform");
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = out();
        if (input != null && Files.isDirectory(input) && !Files.isRegularFile(input.resolve("oci-layout"))) {
            throw new UserError("load " + input + ": a directory must be an OCI image layout (it has no oci-layout file)");
        }
        try (InputStream in = input == null ? System.in : Files.isDirectory(input) ? DirectoryTar.open(input) : Files.newInputStream(input);
             EngineClient engine = EngineConnection.connect(System.getenv())) {
            engine.stream(HttpMethod.POST, "/images/load?quiet=" + (quiet ? 1 : 0)
                    + (platform == null || platform.isEmpty() ? "" : "&platform=" + URLEncoder.encode(platform, StandardCharsets.UTF_8)), in, "application/x-tar", msg -> {
                if (!quiet && msg.hasNonNull("stream")) {
                    out.print(msg.get("stream").asText());
                    out.flush();
                }
            });
        } catch (NoSuchFileException e) {
            throw new UserError("open " + input + ": no such file or directory");
        }
        return 0;
    }
}
