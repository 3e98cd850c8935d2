package dev.jcompose.model.load.assemble;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the command line and the process give the loader: the working directory, {@code -f} files
 * ({@code -} for stdin), {@code -p}, {@code --project-directory}, {@code --env-file}s, {@code --profile}s,
 * the services named on the command line (they enable their profiles), the process environment,
 * how to read stdin, whether to interpolate, whether to check the model's consistency
 * ({@code config --no-consistency} turns it off), whether to normalise: add what compose-go's
 * normaliser adds — the default network, resource names, build defaults, implicit dependencies
 * ({@code config --no-normalize} turns it off), and whether the services' {@code env_file}s must
 * exist (not for the verbs that only read what exists, as docker compose's
 * {@code WithoutEnvironmentResolution}: {@code ps}, {@code logs}, {@code down} …).
 */
public record ProjectOptions(Path workingDir, List<String> files, String projectName, String projectDirectory,
                             List<String> envFiles, List<String> profiles, List<String> services,
                             Map<String, String> osEnv, Supplier<String> stdin, boolean interpolate, boolean consistency,
                             boolean normalize, boolean envFilesRequired) {
    public ProjectOptions {
        workingDir = workingDir.toAbsolutePath().normalize();
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        services = List.copyOf(services);
        osEnv = Map.copyOf(osEnv);
    }

    /** Options that normalise and need the services' env files, as every command that creates containers does. */
    public ProjectOptions(Path workingDir, List<String> files, String projectName, String projectDirectory, List<String> envFiles,
                          List<String> profiles, List<String> services, Map<String, String> osEnv, Supplier<String> stdin,
                          boolean interpolate, boolean consistency) {
        this(workingDir, files, projectName, projectDirectory, envFiles, profiles, services, osEnv, stdin, interpolate, consistency, true,
                true);
    }

    /** Options that check the model's consistency, as every command but {@code config --no-consistency} does. */
    public ProjectOptions(Path workingDir, List<String> files, String projectName, String projectDirectory, List<String> envFiles,
                          List<String> profiles, List<String> services, Map<String, String> osEnv, Supplier<String> stdin,
                          boolean interpolate) {
        this(workingDir, files, projectName, projectDirectory, envFiles, profiles, services, osEnv, stdin, interpolate, true);
    }

    /** Options for loading the compose files found from {@code dir}, with this process's environment. */
    public static ProjectOptions discover(Path dir, Map<String, String> env) {
        return new ProjectOptions(dir, List.of(), null, null, List.of(), List.of(), List.of(), env, () -> "", true);
    }

    public ProjectOptions withFiles(List<String> value) {
        return new ProjectOptions(workingDir, value, projectName, projectDirectory, envFiles, profiles, services, osEnv, stdin,
                interpolate, consistency, normalize, envFilesRequired);
    }
}
