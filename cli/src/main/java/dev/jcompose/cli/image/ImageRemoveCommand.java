package dev.jcompose.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose image rm NAME…}: untag or delete, printing {@code Untagged: …}/{@code Deleted: …} as docker does. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more images")
final class ImageRemoveCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> names;

    @Option(names = {"-f", "--force"}, description = "Force removal of the image")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (EngineClient engine = EngineConnection.connect(System.getenv())) {
            for (String name : names) {
                JsonNode result = engine.delete("/images/" + ImagePath.of(name) + "?force=" + force);
                for (JsonNode item : result) {
                    item.fields().forEachRemaining(f -> spec.commandLine().getOut().println(f.getKey() + ": " + f.getValue().asText()));
                }
            }
        }
        return 0;
    }
}
