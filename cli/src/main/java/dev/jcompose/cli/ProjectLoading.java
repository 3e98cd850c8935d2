package dev.jcompose.cli;

import dev.jcompose.model.load.assemble.ProjectOptions;
import dev.jcompose.model.load.project.ComposeLoader;
import dev.jcompose.model.load.project.LoadedProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Loads the project the global flags describe, printing the loader's warnings as docker compose does ({@code WARN[0000] …}). */
public final class ProjectLoading {
    private ProjectLoading() {
    }

    public static LoadedProject load(GlobalOptions global, List<String> services, boolean interpolate, PrintWriter err) {
        return load(global, services, interpolate, true, err);
    }

    /** {@code consistency} false loads without the model's consistency checks ({@code config --no-consistency}). */
    public static LoadedProject load(GlobalOptions global, List<String> services, boolean interpolate, boolean consistency,
                                     PrintWriter err) {
        return load(global, services, interpolate, consistency, true, err);
    }

    /** {@code normalize} false loads without compose-go's normalisation ({@code config --no-normalize}). */
    public static LoadedProject load(GlobalOptions global, List<String> services, boolean interpolate, boolean consistency,
                                     boolean normalize, PrintWriter err) {
        return print(ComposeLoader.load(options(global, services, interpolate, consistency, normalize, true)), err);
    }

    /**
     * For the verbs that only act on what exists ({@code ps}, {@code logs}, {@code stop}, {@code down} …):
     * a service's missing {@code env_file} is no error, as docker compose loads them without
     * resolving the environment.
     */
    public static LoadedProject loadExisting(GlobalOptions global, List<String> services, PrintWriter err) {
        return print(ComposeLoader.load(options(global, services, true, true, true, false)), err);
    }

    private static LoadedProject print(LoadedProject project, PrintWriter err) {
        for (String w : project.warnings()) {
            err.println("WARN[0000] " + w);
        }
        err.flush();
        return project;
    }

    /** The variables of the compose files ({@code config --variables}). */
    public static java.util.Collection<dev.jcompose.model.load.interpolation.Variables.Variable> variables(GlobalOptions global) {
        return ComposeLoader.variables(options(global, List.of(), false, true, true, true));
    }

    private static ProjectOptions options(GlobalOptions global, List<String> services, boolean interpolate, boolean consistency,
                                          boolean normalize, boolean envFilesRequired) {
        return new ProjectOptions(Path.of("").toAbsolutePath(), global.files(), global.projectName(),
                global.projectDirectory(), global.envFiles(), global.profiles(), services, System.getenv(),
                ProjectLoading::readStdin, interpolate, consistency, normalize, envFilesRequired);
    }

    private static String readStdin() {
        try {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the compose file from stdin: " + e.getMessage(), e);
        }
    }
}
