package dev.jcompose.cli.verbs;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
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

/** {@code jcompose ps}: the project's containers as docker compose lists them. */
public final class PsCommand extends ProjectCommand {
    private static final Set<String> STATES = Set.of("paused", "restarting", "removing", "running", "dead", "created", "exited");
    List<String> services = new ArrayList<>();
    boolean all;
    boolean quiet;
    boolean onlyServices;
    List<String> status = new ArrayList<>();
    String filter;
    String format = "table";
    boolean noTrunc;

    static final CommandSpec SPEC = CommandSpec.command("ps", "List containers")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .flag("Show all stopped containers (including those created by the run command)", "-a", "--all")
            .flag("Only display IDs", "-q", "--quiet")
            .flag("Display services", "--services")
            .repeatable("STATUS", "Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]", "--status")
            .option("FILTER", "Filter services by a property (supported filters: status)", "--filter")
            .option("FORMAT", "Format the output: table (default), json, or a Go template (e.g. '{{.Name}} {{.State}}')", "--format")
            .flag("Don't truncate output", "--no-trunc")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
        all = args.flag("--all");
        quiet = args.flag("--quiet");
        onlyServices = args.flag("--services");
        status = args.values("--status");
        filter = args.value("--filter");
        format = args.value("--format", "table");
        noTrunc = args.flag("--no-trunc");
    }

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
