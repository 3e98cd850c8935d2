package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.engine.EngineClient;

/** {@code pause} and {@code unpause}: freeze and thaw the running containers of the named services (all when none are named). */
public final class PauseVerbs {
    private PauseVerbs() {
    }

    public static final class Pause extends ContainerVerbs.Base {
        static final CommandSpec SPEC = CommandSpec.command("pause", "Pause services")
                .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
                .build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        boolean wants(JsonNode c) {
            // as docker compose: every container of the service, so pausing a paused one is the engine's error
            return !"True".equalsIgnoreCase(c.path("Labels").path(dev.jcompose.cli.compose.Labels.ONEOFF).asText());
        }

        @Override
        void act(EngineClient engine, JsonNode c, String name) {
            engine.post("/containers/" + c.path("Id").asText() + "/pause", null);
            err().println(" Container " + name + "  Paused");
            err().flush();
        }
    }

    public static final class Unpause extends ContainerVerbs.Base {
        static final CommandSpec SPEC = CommandSpec.command("unpause", "Unpause services")
                .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
                .build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        boolean wants(JsonNode c) {
            return !"True".equalsIgnoreCase(c.path("Labels").path(dev.jcompose.cli.compose.Labels.ONEOFF).asText());
        }

        @Override
        void act(EngineClient engine, JsonNode c, String name) {
            engine.post("/containers/" + c.path("Id").asText() + "/unpause", null);
            err().println(" Container " + name + "  Unpaused");
            err().flush();
        }
    }
}
