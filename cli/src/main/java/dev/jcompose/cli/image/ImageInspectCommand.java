package dev.jcompose.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jcompose.cli.Verb;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import dev.jcompose.cli.engine.EngineException;
import java.util.List;

/** {@code jcompose image inspect NAME…}: the engine's JSON for each image, as a JSON array (exit 1 if one is missing). */
final class ImageInspectCommand extends Verb {
    List<String> names;

    static final CommandSpec SPEC = CommandSpec.command("inspect", "Display detailed information on one or more images")
            .positional("IMAGE", 1, PositionalSpec.UNBOUNDED)
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        names = args.positionals();
    }

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
                    err().println("Error: No such image: " + name);
                    code = 1;
                }
            }
        }
        out().println(json.writeValueAsString(found));
        return code;
    }
}
