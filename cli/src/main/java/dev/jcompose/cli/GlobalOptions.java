package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * docker compose's global flags. They are inherited by every subcommand, so they work before the
 * verb ({@code jcompose -f a.yaml config}) as docker compose documents them, and after it too.
 */
public final class GlobalOptions {

    @Option(names = {"-f", "--file"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Compose configuration files (several merge in order; - reads stdin)")
    List<String> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, scope = ScopeType.INHERIT, paramLabel = "NAME", description = "Project name")
    String projectName;

    @Option(names = {"--project-directory", "--workdir"}, scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Alternate working directory (default: the directory of the first Compose file)")
    String projectDirectory;

    @Option(names = "--env-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Alternate environment files (default: .env in the project directory)")
    List<String> envFiles = new ArrayList<>();

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "PROFILE", description = "Enable a profile")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--ansi", scope = ScopeType.INHERIT, paramLabel = "WHEN",
            description = "Control when to print ANSI control characters: never, always, auto (default auto)")
    String ansi;

    @Option(names = "--no-ansi", scope = ScopeType.INHERIT, hidden = true)
    boolean noAnsi;

    @Option(names = "--progress", scope = ScopeType.INHERIT, paramLabel = "TYPE",
            description = "Progress output: auto, tty, plain, json, quiet")
    String progress;

    @Option(names = "--parallel", scope = ScopeType.INHERIT, paramLabel = "N", description = "Maximum parallelism, -1 for unlimited")
    Integer parallel;

    @Option(names = "--dry-run", scope = ScopeType.INHERIT, description = "Show the steps without changing anything")
    boolean dryRun;

    @Option(names = "--compatibility", scope = ScopeType.INHERIT, description = "Run in backward compatibility mode")
    boolean compatibility;

    @Option(names = "--all-resources", scope = ScopeType.INHERIT, description = "Include all resources, even those not used by services")
    boolean allResources;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors")
    boolean debug;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, hidden = true)
    boolean verbose;

    public List<String> files() {
        return List.copyOf(files);
    }

    public String projectName() {
        return projectName;
    }

    public String projectDirectory() {
        return projectDirectory;
    }

    public List<String> envFiles() {
        return List.copyOf(envFiles);
    }

    public List<String> profiles() {
        return List.copyOf(profiles);
    }

    public boolean debug() {
        return debug;
    }

    /** Whether to use ANSI escapes, from --ansi / --no-ansi / COMPOSE_ANSI and whether stdout is a terminal. */
    public boolean ansiEnabled(java.util.Map<String, String> env, boolean stdoutIsTty) {
        String mode = noAnsi ? "never" : ansi != null ? ansi : env.getOrDefault("COMPOSE_ANSI", "auto");
        return switch (mode) {
            case "never" -> false;
            case "always" -> true;
            default -> stdoutIsTty;
        };
    }
}
