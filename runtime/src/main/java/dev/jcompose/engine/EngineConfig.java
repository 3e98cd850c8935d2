package dev.jcompose.engine;

import dev.jcompose.engine.shim.UserNamespace;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where an engine keeps its state: {@code root} (images, layers, containers, volumes, networks;
 * default {@code /var/lib/jcompose}) and {@code runDir} (socket, pid file, runtime state; default
 * {@code /run/jcompose}). Both can be moved so tests run isolated engines side by side.
 * {@code insecureRegistries} ({@code host} or {@code host:port}) are pulled from over plain HTTP, as
 * dockerd's {@code insecure-registries}; loopback registries always are. {@code usernsRemap} (null: none)
 * is dockerd's {@code --userns-remap}: every container not created with {@code UsernsMode: host} gets a
 * user namespace with these maps (see {@link UsernsRemap}).
 */
public record EngineConfig(Path root, Path runDir, List<String> insecureRegistries, UserNamespace usernsRemap) {
    public static final Path DEFAULT_ROOT = Path.of("/var/lib/jcompose");
    public static final Path DEFAULT_RUN_DIR = Path.of("/run/jcompose");

    public EngineConfig {
        root = root.toAbsolutePath().normalize();
        runDir = runDir.toAbsolutePath().normalize();
        insecureRegistries = List.copyOf(insecureRegistries);
    }

    public EngineConfig(Path root, Path runDir) {
        this(root, runDir, List.of());
    }

    public EngineConfig(Path root, Path runDir, List<String> insecureRegistries) {
        this(root, runDir, insecureRegistries, null);
    }

    /** With dockerd's {@code --userns-remap} maps ({@code null}: none). */
    public EngineConfig withUsernsRemap(UserNamespace remap) {
        return new EngineConfig(root, runDir, insecureRegistries, remap);
    }

    /**
     * From {@code JCOMPOSE_ROOT}, {@code JCOMPOSE_RUN_DIR} and {@code JCOMPOSE_INSECURE_REGISTRIES}
     * (comma-separated), else the defaults. (No user namespace remapping: {@code jcompose engine} reads
     * {@code --userns-remap} or {@code JCOMPOSE_USERNS_REMAP} itself, so clients never parse /etc/subuid.)
     */
    public static EngineConfig fromEnvironment(Map<String, String> env) {
        return new EngineConfig(
                Path.of(env.getOrDefault("JCOMPOSE_ROOT", DEFAULT_ROOT.toString())),
                Path.of(env.getOrDefault("JCOMPOSE_RUN_DIR", DEFAULT_RUN_DIR.toString())),
                Arrays.stream(env.getOrDefault("JCOMPOSE_INSECURE_REGISTRIES", "").split(","))
                        .map(String::strip).filter(h -> !h.isEmpty()).toList());
    }

    public Path socket() {
        return runDir.resolve("jcompose.sock");
    }

    public Path pidFile() {
        return runDir.resolve("jcompose.pid");
    }

    public Path logFile() {
        return root.resolve("engine.log");
    }
}
