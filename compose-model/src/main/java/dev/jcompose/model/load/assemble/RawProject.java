package dev.jcompose.model.load.assemble;

import dev.jcompose.model.load.YMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project assembled from its files, before normalisation: the name, the project directory, the
 * compose files in merge order, the merged long-form tree, the environment used for interpolation,
 * the active profiles, the services disabled by profiles, and warnings to print.
 */
public record RawProject(String name, Path workingDir, List<String> configFiles, YMap tree, Map<String, String> environment,
                         List<String> activeProfiles, List<String> disabledServices, List<String> warnings,
                         Set<String> selectedServices) {
    public RawProject {
        selectedServices = Set.copyOf(selectedServices);
        configFiles = List.copyOf(configFiles);
        environment = Map.copyOf(environment);
        activeProfiles = List.copyOf(activeProfiles);
        disabledServices = List.copyOf(disabledServices);
        warnings = List.copyOf(warnings);
    }
}
