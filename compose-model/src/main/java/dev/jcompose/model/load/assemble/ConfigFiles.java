package dev.jcompose.model.load.assemble;

import dev.jcompose.model.ComposeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which compose files make the project, as docker compose decides: the {@code -f} files (relative to
 * the working directory; {@code -} is stdin), else {@code COMPOSE_FILE} (split on
 * {@code COMPOSE_PATH_SEPARATOR}, default {@code :}), else the first of {@code compose.yaml},
 * {@code compose.yml}, {@code docker-compose.yaml}, {@code docker-compose.yml} found in the working
 * directory (the project directory when one is given) or its parents, with its {@code .override}
 * file beside it.
 */
public final class ConfigFiles {
    static final String STDIN = "-";
    private static final List<String> CANDIDATES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");
    private static final List<String> OVERRIDES = List.of("compose.override.yaml", "compose.override.yml",
            "docker-compose.override.yaml", "docker-compose.override.yml");

    private ConfigFiles() {
    }

    /** The files in merge order: absolute paths, or {@link #STDIN}. */
    public static List<String> resolve(Path workingDir, List<String> flags, Map<String, String> env, List<String> warnings) {
        return resolve(workingDir, workingDir, flags, env, warnings);
    }

    /**
     * As {@link #resolve(Path, List, Map, List)}, the default files searched from {@code searchDir}
     * upwards ({@code --project-directory} when given, as docker compose searches its working dir).
     */
    public static List<String> resolve(Path workingDir, Path searchDir, List<String> flags, Map<String, String> env,
                                       List<String> warnings) {
        if (!flags.isEmpty()) {
            return absolute(workingDir, flags);
        }
        String composeFile = env.get("COMPOSE_FILE");
        if (composeFile != null && !composeFile.isEmpty()) {
            String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", ":");
            return absolute(workingDir, List.of(composeFile.split(java.util.regex.Pattern.quote(sep))));
        }
        for (Path dir = searchDir; dir != null; dir = dir.getParent()) {
            List<Path> found = CANDIDATES.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
            if (found.isEmpty()) {
                continue;
            }
            if (found.size() > 1) {
                warnings.add("Found multiple config files with supported names: " + String.join(", ",
                        found.stream().map(Path::toString).toList()) + "\nUsing " + found.get(0));
            }
            List<String> out = new ArrayList<>();
            out.add(found.get(0).toString());
            Path finalDir = dir;
            OVERRIDES.stream().map(finalDir::resolve).filter(Files::isRegularFile).findFirst().ifPresent(p -> out.add(p.toString()));
            return out;
        }
        throw new ComposeException("no configuration file provided: not found");
    }

    private static List<String> absolute(Path workingDir, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(STDIN)) {
                out.add(STDIN);
                continue;
            }
            Path p = workingDir.resolve(n).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new ComposeException("open " + p + ": no such file or directory");
            }
            if (Files.isDirectory(p)) {
                throw new ComposeException("read " + p + ": is a directory");
            }
            out.add(p.toString());
        }
        return out;
    }
}
