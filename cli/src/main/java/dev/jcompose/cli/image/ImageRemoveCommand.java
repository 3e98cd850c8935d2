package dev.jcompose.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.Verb;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import java.util.List;

/** {@code jcompose image rm NAME…}: untag or delete, printing {@code Untagged: …}/{@code Deleted: …} as docker does. */
final class ImageRemoveCommand extends Verb {
    List<String> names;
    boolean force;

    static final CommandSpec SPEC = CommandSpec.command("rm", "Remove one or more images")
            .alias("remove")
            .positional("IMAGE", 1, PositionalSpec.UNBOUNDED)
            .flag("Force removal of the image", "-f", "--force")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        names = args.positionals();
        force = args.flag("--force");
    }

    @Override
    public Integer call() {
        try (EngineClient engine = EngineConnection.connect(System.getenv())) {
            for (String name : names) {
                JsonNode result = engine.delete("/images/" + ImagePath.of(name) + "?force=" + force);
                for (JsonNode item : result) {
                    item.fields().forEachRemaining(f -> out().println(f.getKey() + ": " + f.getValue().asText()));
                }
            }
        }
        return 0;
    }
}
