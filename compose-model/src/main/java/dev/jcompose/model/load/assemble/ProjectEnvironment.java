package dev.jcompose.model.load.assemble;

import dev.jcompose.model.load.dotenv.DotEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a project is interpolated with, in docker compose's precedence: the process
 * environment over the {@code --env-file}s (later files over earlier ones), or over
 * {@code <dir>/.env} when no file is given and {@code COMPOSE_DISABLE_ENV_FILE} is not set.
 */
public final class ProjectEnvironment {
    private ProjectEnvironment() {
    }

    public static Map<String, String> load(Path dir, List<Path> envFiles, Map<String, String> osEnv) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> files = envFiles;
        if (files.isEmpty() && !truthy(osEnv.get("COMPOSE_DISABLE_ENV_FILE"))) {
            Path dflt = dir.resolve(".env");
            files = Files.isRegularFile(dflt) ? List.of(dflt) : List.of();
        }
        for (Path f : files) {
            out.putAll(DotEnv.read(f, k -> out.containsKey(k) ? Optional.of(out.get(k)) : Optional.ofNullable(osEnv.get(k))));
        }
        out.putAll(osEnv);
        return out;
    }

    private static boolean truthy(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }
}
