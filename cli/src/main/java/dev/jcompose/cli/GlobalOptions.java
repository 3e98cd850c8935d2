package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * docker compose's global flags, given before the verb ({@code jcompose -f a.yaml -p demo up -d}) as
 * docker compose documents them. They are not inherited by the verbs: several verbs have local flags
 * with the same letters ({@code rm -f} is {@code --force}), which must win as in docker compose.
 */
public final class GlobalOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Compose configuration files (several merge in order; - reads stdin)")
    List<String> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name")
    String projectName;

    @Option(names = {"--project-directory", "--workdir"}, paramLabel = "DIR",
            description = "Alternate working directory (default: the directory of the first Compose file)")
    String projectDirectory;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Alternate environment files (default: .env in the project directory)")
    List<String> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Enable a profile")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--ansi", paramLabel = "WHEN",
            description = "Control when to print ANSI control characters: never, always, auto (default auto)")
    String ansi;

    @Option(names = "--no-ansi", hidden = true)
    boolean noAnsi;

    @Option(names = "--progress", paramLabel = "TYPE",
            description = "Progress output: auto, tty, plain, json, quiet")
    String progress;

    @Option(names = "--parallel", paramLabel = "N", description = "Maximum parallelism, -1 for unlimited")
    Integer parallel;

    @Option(names = "--dry-run", description = "Show the steps without changing anything")
    boolean dryRun;

    @Option(names = "--compatibility", description = "Run in backward compatibility mode")
    boolean compatibility;

    @Option(names = "--all-resources", description = "Include all resources, even those not used by services")
    boolean allResources;

    @Option(names = "--debug", description = "Print stack traces of errors")
    boolean debug;

    @Option(names = "--verbose", hidden = true)
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

    public String progress() {
        return progress;
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
