package dev.jcompose.cli.verbs;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.compose.PsContainer;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.PsFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose ps}: the project's containers as docker compose lists them. */
@Command(name = "ps", description = "List containers")
public final class PsCommand extends ProjectCommand implements Callable<Integer> {
    private static final Set<String> STATES = Set.of("paused", "restarting", "removing", "running", "dead", "created", "exited");

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = {"-a", "--all"}, description = "Show all stopped containers (including those created by the run command)")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Option(names = "--services", description = "Display services")
    boolean onlyServices;

    @Option(names = "--status", paramLabel = "STATUS", description = "Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]")
    List<String> status = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "FILTER", description = "Filter services by a property (supported filters: status)")
    String filter;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output: table (default), json, or a Go template (e.g. '{{.Name}} {{.State}}')")
    String format = "table";

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Override
    public Integer call() {
        List<String> states = new ArrayList<>(status);
        if (filter != null) {
            String[] kv = filter.split("=", 2);
            if (kv.length != 2 || !kv[0].equals("status")) {
                throw new UserError("invalid filter \"" + filter + "\": only status=… is supported");
            }
            states.add(kv[1]);
        }
        for (String s : states) {
            if (!STATES.contains(s)) {
                throw new UserError("invalid status \"" + s + "\": expected one of paused, restarting, removing, running, dead, created, exited");
            }
        }
        dev.jcompose.model.Project loaded = loadUnlessNamedOnly(services);
        String project = loaded == null ? projectName(services) : loaded.name();
        List<PsContainer> rows = new ArrayList<>();
        try (EngineClient engine = engine()) {
            List<PsContainer> containers = ProjectContainers.summaries(engine, project);
            for (String s : services) {
                // as docker compose: a service neither in the files nor (without files) on any container is an error
                boolean known = loaded != null ? loaded.services().containsKey(s) : containers.stream().anyMatch(c -> c.service().equals(s));
                if (!known) {
                    throw new UserError("no such service: " + s);
                }
            }
            containers.stream()
                    .filter(c -> services.isEmpty() || services.contains(c.service()))
                    .filter(c -> states.isEmpty() ? all ? true : !c.oneOff() && c.state().equals("running") : states.contains(c.state()))
                    .sorted(Comparator.comparing(PsContainer::name))
                    .forEach(rows::add);
        }
        if (quiet) {
            rows.forEach(c -> out().println(c.id()));
        } else if (onlyServices) {
            Set<String> names = new LinkedHashSet<>();
            rows.forEach(c -> names.add(c.service()));
            names.forEach(out()::println);
        } else {
            new PsFormat(format, Instant.now(), !noTrunc).print(out(), rows);
        }
        out().flush();
        return 0;
    }
}
