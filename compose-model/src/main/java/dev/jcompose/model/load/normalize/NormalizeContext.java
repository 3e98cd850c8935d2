package dev.jcompose.model.load.normalize;

import dev.jcompose.model.load.assemble.RawProject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What normalisation needs besides the merged tree: the project name (engine names
 * {@code <project>_<key>}), the working directory (relative paths, default build context), the
 * environment used for interpolation (bare {@code environment} entries, {@code ~}), and the services
 * disabled by profiles ({@code depends_on} to them is an error only when required), the services a
 * command works on, and whether their env files must exist.
 */
public record NormalizeContext(String projectName, Path workingDir, Map<String, String> environment, Set<String> disabledServices,
                               Set<String> selectedServices, boolean envFilesRequired) {
    public NormalizeContext {
        environment = Map.copyOf(environment);
        disabledServices = Set.copyOf(disabledServices);
        selectedServices = Set.copyOf(selectedServices);
    }

    public NormalizeContext(String projectName, Path workingDir, Map<String, String> environment, Set<String> disabledServices,
                            Set<String> selectedServices) {
        this(projectName, workingDir, environment, disabledServices, selectedServices, true);
    }

    /** Every service selected. */
    public NormalizeContext(String projectName, Path workingDir, Map<String, String> environment, Set<String> disabledServices) {
        this(projectName, workingDir, environment, disabledServices, Set.of());
    }

    public static NormalizeContext of(RawProject raw, boolean envFilesRequired) {
        return new NormalizeContext(raw.name(), raw.workingDir(), raw.environment(), Set.copyOf(raw.disabledServices()),
                raw.selectedServices(), envFilesRequired);
    }

    /**
     * Whether {@code service}'s env files must exist: when the command needs them and works on that
     * service (all are when none was named).
     */
    boolean envFilesRequired(String service) {
        return envFilesRequired && (selectedServices.isEmpty() || selectedServices.contains(service));
    }

    /** The home directory for {@code ~}: {@code HOME} from the environment, else this process's. */
    Path home() {
        return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
    }
}
