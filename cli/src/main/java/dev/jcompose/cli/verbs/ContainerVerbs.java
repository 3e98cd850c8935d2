package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The simple per-container verbs: start, stop, restart, kill, rm — each over the project's containers of the named services. */
public final class ContainerVerbs {
    private ContainerVerbs() {
    }

    abstract static class Base extends ProjectCommand implements Callable<Integer> {
        @Parameters(paramLabel = "SERVICE", arity = "0..*")
        List<String> services = new ArrayList<>();

        abstract void act(EngineClient engine, JsonNode container, String name);

        boolean wants(JsonNode c) {
            return true;
        }

        @Override
        public Integer call() {
            String project = projectName(services);
            try (EngineClient engine = engine()) {
                for (JsonNode c : ProjectContainers.list(engine, project, null)) {
                    String service = c.path("Labels").path(Labels.SERVICE).asText();
                    if ((services.isEmpty() || services.contains(service)) && wants(c)) {
                        act(engine, c, ProjectContainers.name(c));
                    }
                }
            }
            return 0;
        }

        boolean running(JsonNode c) {
            return "running".equals(c.path("State").asText());
        }
    }

    @Command(name = "stop", description = "Stop services")
    public static final class Stop extends Base {
        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Specify a shutdown timeout in seconds")
        Integer timeout;

        @Override
        boolean wants(JsonNode c) {
            return running(c);
        }

        @Override
        void act(EngineClient engine, JsonNode c, String name) {
            engine.post("/containers/" + c.path("Id").asText() + "/stop" + (timeout == null ? "" : "?t=" + timeout), null);
            err().println(" Container " + name + "  Stopped");
            err().flush();
        }
    }

    @Command(name = "start", description = "Start services")
    public static final class Start extends Base {
        @Override
        boolean wants(JsonNode c) {
            return !running(c);
        }

        @Override
        void act(EngineClient engine, JsonNode c, String name) {
            engine.post("/containers/" + c.path("Id").asText() + "/start", null);
            err().println(" Container " + name + "  Started");
            err().flush();
        }
    }

    @Command(name = "restart", description = "Restart service containers")
    public static final class Restart extends Base {
        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Specify a shutdown timeout in seconds")
        Integer timeout;

        @Override
        void act(EngineClient engine, JsonNode c, String name) {
            engine.post("/containers/" + c.path("Id").asText() + "/restart" + (timeout == null ? "" : "?t=" + timeout), null);
            err().println(" Container " + name + "  Started");
            err().flush();
        }
    }

    @Command(name = "kill", description = "Force stop service containers")
    public static final class Kill extends Base {
        @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "SIGNAL to send to the container")
        String signal = "SIGKILL";

        @Override
        boolean wants(JsonNode c) {
            return running(c);
        }

        @Override
        void act(EngineClient engine, JsonNode c, String name) {
            engine.post("/containers/" + c.path("Id").asText() + "/kill?signal=" + signal, null);
            err().println(" Container " + name + "  Killed");
            err().flush();
        }
    }

    @Command(name = "rm", description = "Removes stopped service containers")
    public static final class Remove extends Base {
        @Option(names = {"-f", "--force"}, description = "Don't ask to confirm removal")
        boolean force;

        @Option(names = {"-s", "--stop"}, description = "Stop the containers, if required, before removing")
        boolean stop;

        @Option(names = {"-v", "--volumes"}, description = "Remove any anonymous volumes attached to containers")
        boolean volumes;

        @Override
        boolean wants(JsonNode c) {
            return stop || !running(c);
        }

        @Override
        void act(EngineClient engine, JsonNode c, String name) {
            engine.delete("/containers/" + c.path("Id").asText() + "?force=" + (stop ? 1 : 0) + "&v=" + (volumes ? 1 : 0));
            err().println(" Container " + name + "  Removed");
            err().flush();
        }
    }
}
