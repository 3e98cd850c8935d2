package dev.jcompose.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import dev.jcompose.cli.engine.EngineException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose image inspect NAME…}: the engine's JSON for each image, as a JSON array (exit 1 if one is missing). */
@Command(name = "inspect", description = "Display detailed information on one or more images")
final class ImageInspectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> names;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode found = json.createArrayNode();
        int code = 0;
        try (EngineClient engine = EngineConnection.connect(System.getenv())) {
            for (String name : names) {
                try {
                    JsonNode image = engine.get("/images/" + ImagePath.of(name) + "/json");
                    found.add(image);
                } catch (EngineException e) {
                    if (!e.isNotFound()) {
                        throw e;
                    }
                    spec.commandLine().getErr().println("Error: No such image: " + name);
                    code = 1;
                }
            }
        }
        spec.commandLine().getOut().println(json.writeValueAsString(found));
        return code;
    }
}
