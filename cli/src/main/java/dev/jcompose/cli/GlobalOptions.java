package dev.jcompose.cli;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import java.util.List;

/**
 * docker compose's global flags, given before the verb ({@code jcompose -f a.yaml -p demo up -d}) as
 * docker compose documents them. They are not inherited by the verbs: several verbs have local flags
 * with the same letters ({@code rm -f} is {@code --force}), which must win as in docker compose.
 */
public record GlobalOptions(List<String> files, String projectName, String projectDirectory, List<String> envFiles,
        List<String> profiles, String ansi, boolean noAnsi, String progress, Integer parallel, boolean dryRun,
        boolean compatibility, boolean allResources, boolean debug, boolean verbose) {

    public GlobalOptions {
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
    }

    /** Adds the global flags to the top-level command's spec. */
    static CommandSpec.Builder declare(CommandSpec.Builder b) {
        return b.repeatable("FILE", "Compose configuration files (several merge in order; - reads stdin)", "-f", "--file")
                .option("NAME", "Project name", "-p", "--project-name")
                .option("DIR", "Alternate working directory (default: the directory of the first Compose file)",
                        "--project-directory", "--workdir")
                .repeatable("FILE", "Alternate environment files (default: .env in the project directory)", "--env-file")
                .repeatable("PROFILE", "Enable a profile", "--profile")
                .option("WHEN", "Control when to print ANSI control characters: never, always, auto (default auto)", "--ansi")
                .hiddenFlag("Do not print ANSI control characters", "--no-ansi")
                .option("TYPE", "Progress output: auto, tty, plain, json, quiet", "--progress")
                .option("N", "Maximum parallelism, -1 for unlimited", "--parallel")
                .flag("Show the steps without changing anything", "--dry-run")
                .flag("Run in backward compatibility mode", "--compatibility")
                .flag("Include all resources, even those not used by services", "--all-resources")
                .flag("Print stack traces of errors", "--debug")
                .hiddenFlag("Show more output", "--verbose");
    }

    /** The global flags of a top-level parse (a bad {@code --parallel} is a usage error). */
    static GlobalOptions from(ParsedArgs a) {
        return new GlobalOptions(a.values("--file"), a.value("--project-name"), a.value("--project-directory"), a.values("--env-file"),
                a.values("--profile"), a.value("--ansi"), a.flag("--no-ansi"), a.value("--progress"), a.integer("--parallel"),
                a.flag("--dry-run"), a.flag("--compatibility"), a.flag("--all-resources"), a.flag("--debug"), a.flag("--verbose"));
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
