package dev.jcompose.cli.verbs;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.compose.PlanInput;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.model.Project;
import dev.jcompose.planner.reconcile.Reconciler;
import dev.jcompose.planner.reconcile.UpOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose scale SERVICE=REPLICAS…}: as docker compose's, {@code up -d} of the named services
 * with their replicas overridden — containers added or removed, their dependencies brought to what
 * the file says unless {@code --no-deps}.
 */
public final class ScaleCommand extends ProjectCommand {
    List<String> specifiers = new ArrayList<>();
    boolean noDeps;

    static final CommandSpec SPEC = CommandSpec.command("scale", "Scale services")
            .positional("SERVICE=REPLICAS", 1, PositionalSpec.UNBOUNDED)
            .flag("Don't start linked services", "--no-deps")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        specifiers = args.positionals();
        noDeps = args.flag("--no-deps");
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Integer> replicas = parse(specifiers);
        Project project = load(List.copyOf(replicas.keySet()));
        UpOptions options = new UpOptions(replicas.keySet(), noDeps, UpOptions.Recreate.DIVERGED, false, false, true);
        try (EngineClient engine = engine()) {
            var desired = PlanInput.of(project, replicas);
            var observed = dev.jcompose.cli.compose.ServiceImageVolumes.add(engine, desired, ProjectContainers.observe(engine, project.name()));
            var reconciliation = Reconciler.up(desired, observed, options);
            return execute(engine, project, reconciliation, "Running", -1);
        }
    }

    /** {@code service=n} pairs, in order; docker compose's messages for a malformed one. */
    static Map<String, Integer> parse(List<String> specifiers) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String arg : specifiers) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || eq == arg.length() - 1) {
                throw new UserError("invalid scale specifier: " + arg);
            }
            try {
                out.put(arg.substring(0, eq), Integer.parseInt(arg.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new UserError("invalid scale specifier: can't parse replica value as int: " + arg);
            }
        }
        return out;
    }
}
