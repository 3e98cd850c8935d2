package dev.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's container {@code Config}: what the container runs, as sent in the body of
 * {@code POST /containers/create} and shown by inspect. Image defaults are merged in by the engine
 * at create time ({@link #withImageDefaults}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerConfig(
        @JsonProperty("Hostname") String hostname,
        @JsonProperty("Domainname") String domainname,
        @JsonProperty("User") String user,
        @JsonProperty("AttachStdin") Boolean attachStdin,
        @JsonProperty("AttachStdout") Boolean attachStdout,
        @JsonProperty("AttachStderr") Boolean attachStderr,
        @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
        @JsonProperty("Tty") Boolean tty,
        @JsonProperty("OpenStdin") Boolean openStdin,
        @JsonProperty("StdinOnce") Boolean stdinOnce,
        @JsonProperty("Env") List<String> env,
        @JsonProperty("Cmd") List<String> cmd,
        @JsonProperty("Healthcheck") HealthConfig healthcheck,
        @JsonProperty("Image") String image,
        @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
        @JsonProperty("WorkingDir") String workingDir,
        @JsonProperty("Entrypoint") List<String> entrypoint,
        @JsonProperty("NetworkDisabled") Boolean networkDisabled,
        @JsonProperty("MacAddress") String macAddress,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("StopSignal") String stopSignal,
        @JsonProperty("StopTimeout") Integer stopTimeout) {

    /** Docker's {@code HealthConfig}; durations in nanoseconds, {@code ["NONE"]} disables the image's check. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HealthConfig(
            @JsonProperty("Test") List<String> test,
            @JsonProperty("Interval") Long interval,
            @JsonProperty("Timeout") Long timeout,
            @JsonProperty("Retries") Integer retries,
            @JsonProperty("StartPeriod") Long startPeriod,
            @JsonProperty("StartInterval") Long startInterval) {
    }

    public ContainerConfig {
        env = env == null ? List.of() : List.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        exposedPorts = exposedPorts == null ? null : Map.copyOf(exposedPorts);
        volumes = volumes == null ? null : Map.copyOf(volumes);
        cmd = cmd == null ? null : List.copyOf(cmd);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    }

    public boolean ttyEnabled() {
        return Boolean.TRUE.equals(tty);
    }

    public boolean stdinOpen() {
        return Boolean.TRUE.equals(openStdin);
    }

    /**
     * Fills what the client left out from the image's config, as Docker does: Cmd (unless an
     * Entrypoint was given), Entrypoint, WorkingDir, User, Env (image first, client overrides by name),
     * ExposedPorts, Volumes, Healthcheck, StopSignal; labels of the image under the client's.
     */
    public ContainerConfig withImageDefaults(ImageDefaults image, String imageId) {
        List<String> mergedCmd = cmd;
        if (mergedCmd == null && entrypoint == null) {
            mergedCmd = image.cmd();
        }
        return new ContainerConfig(hostname, domainname,
                user == null || user.isEmpty() ? image.user() : user,
                attachStdin, attachStdout, attachStderr,
                union(image.exposedPorts(), exposedPorts), tty, openStdin, stdinOnce,
                EnvList.merge(image.env(), env), mergedCmd,
                healthcheck != null ? healthcheck : image.healthcheck(), image(),
                union(image.volumes(), volumes),
                workingDir == null || workingDir.isEmpty() ? image.workingDir() : workingDir,
                entrypoint != null ? entrypoint : image.entrypoint(), networkDisabled, macAddress,
                EnvList.mergeLabels(image.labels(), labels),
                stopSignal != null ? stopSignal : image.stopSignal(), stopTimeout);
    }

    private static <V> Map<String, V> union(Map<String, V> a, Map<String, V> b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        var out = new java.util.TreeMap<String, V>(a);
        if (b != null) {
            out.putAll(b);
        }
        return out;
    }
}
