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
import java.util.concurrent.Callable;
import org.eclipse.jetty.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose image load -i FILE}: a {@code docker save} archive or an OCI image layout tar into
 * the engine, as {@code docker load}; {@code -i DIR} sends an OCI image layout directory as a tar.
 */
@Command(name = "load", description = "Load images from a docker save or OCI archive, or an OCI layout directory (stdin by default)")
final class ImageLoadCommand implements Callable<Integer> {
    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read from a tar archive file (or an OCI layout directory) instead of stdin")
    Path input;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the load output")
    boolean quiet;

    @Option(names = "--platform", description = "Load only the given platform's image from a multi-platform archive (os/arch[/variant])")
    String platform;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
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
