package dev.jcompose.cli.verbs;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.compose.LogFollower;
import dev.jcompose.cli.compose.LogOptions;
import dev.jcompose.cli.compose.TimeArg;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.LogPrefixer;
import dev.jcompose.cli.render.LogPrinter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcompose logs}: the merged, prefixed output of the project's containers; with {@code -f}
 * it keeps following, across restarts and containers that appear later, until none of the selected
 * services' containers is running any more.
 */
public final class LogsCommand extends ProjectCommand {
    /** How long nothing must run before {@code logs -f} ends (a {@code restart} stops then starts within it). */
    private static final Duration STOPPED_GRACE = Duration.ofSeconds(3);
    List<String> services = new ArrayList<>();
    boolean follow;
    String tail = "all";
    boolean timestamps;
    String since;
    String until;
    int index;
    boolean noColor;
    boolean noLogPrefix;

    static final CommandSpec SPEC = CommandSpec.command("logs", "View output from containers")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .flag("Follow log output", "-f", "--follow")
            .option("N", "Number of lines to show from the end of the logs for each container", "-n", "--tail")
            .flag("Show timestamps", "-t", "--timestamps")
            .option("TIME", "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)", "--since")
            .option("TIME", "Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)", "--until")
            .option("N", "index of the container if service has multiple replicas", "--index")
            .flag("Produce monochrome output", "--no-color")
            .flag("Don't print prefix in logs", "--no-log-prefix")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
        follow = args.flag("--follow");
        tail = args.value("--tail", "all");
        timestamps = args.flag("--timestamps");
        since = args.value("--since");
        until = args.value("--until");
        index = args.integer("--index", 0);
        noColor = args.flag("--no-color");
        noLogPrefix = args.flag("--no-log-prefix");
    }

    @Override
    public Integer call() throws Exception {
        String project = projectName(services);
        Instant now = Instant.now();
        LogOptions options = new LogOptions(follow, tail, since == null ? null : TimeArg.parse("--since", since, now, ZoneId.systemDefault()),
                until == null ? null : TimeArg.parse("--until", until, now, ZoneId.systemDefault()));
        boolean color = !noColor && global().ansiEnabled(System.getenv(), System.console() != null);
        LogPrinter printer = LogPrinter.toTerminal(new LogPrefixer(color, !noLogPrefix), timestamps);
        LogFollower.Selection selection = (service, number) -> (services.isEmpty() || services.contains(service))
                && (index <= 0 || number == index);
        try (EngineClient engine = engine(); LogFollower follower = new LogFollower(engine, project, selection, options, printer, e -> { })) {
            follower.start();
            if (options.follow() && options.until() == null) {
                follower.followUntilStopped(STOPPED_GRACE);
            } else {
                follower.awaitIdle(Duration.ofDays(365));
            }
        } finally {
            printer.flush();
        }
        return 0;
    }
}
