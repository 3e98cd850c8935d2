package dev.jcompose.cli.verbs;

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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose logs}: the merged, prefixed output of the project's containers; with {@code -f}
 * it keeps following, across restarts and containers that appear later, until none of the selected
 * services' containers is running any more.
 */
@Command(name = "logs", description = "View output from containers")
public final class LogsCommand extends ProjectCommand implements Callable<Integer> {
    /** How long nothing must run before {@code logs -f} ends (a {@code restart} stops then starts within it). */
    private static final Duration STOPPED_GRACE = Duration.ofSeconds(3);

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--follow"}, description = "Follow log output")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Number of lines to show from the end of the logs for each container")
    String tail = "all";

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
    boolean timestamps;

    @Option(names = "--since", paramLabel = "TIME", description = "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
    String until;

    @Option(names = "--index", paramLabel = "N", description = "index of the container if service has multiple replicas")
    int index;

    @Option(names = "--no-color", description = "Produce monochrome output")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
    boolean noLogPrefix;

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
