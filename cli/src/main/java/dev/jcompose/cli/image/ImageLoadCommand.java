package dev.jcompose.cli.image;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jetty.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jcompose image load -i FILE}: a {@code docker save} or OCI archive into the engine, as {@code docker load}. */
@Command(name = "load", description = "Load images from a docker save or OCI archive (stdin by default)")
final class ImageLoadCommand implements Callable<Integer> {
    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read from a tar archive file instead of stdin")
    Path input;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the load output")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (InputStream in = input == null ? System.in : Files.newInputStream(input);
             EngineClient engine = EngineConnection.connect(System.getenv())) {
            engine.stream(HttpMethod.POST, "/images/load?quiet=" + (quiet ? 1 : 0), in, "application/x-tar", msg -> {
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
