package dev.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code /_ping}, {@code /version} and {@code /info}: what clients ask first to negotiate the API version. */
public final class SystemRoutes {
    /** The API version we speak; the docker CLI negotiates down to it. */
    public static final String API_VERSION = "1.47";
    public static final String MIN_API_VERSION = "1.24";

    private final EngineInfo info;

    public SystemRoutes(EngineInfo info) {
        this.info = info;
    }

    public void register(Router router) {
        router.add("GET", "/_ping", this::ping);
        router.add("GET", "/version", ex -> ex.sendJson(200, version()));
        router.add("GET", "/info", ex -> ex.sendJson(200, info()));
    }

    private void ping(ApiExchange ex) throws java.io.IOException {
        ex.setHeader("Api-Version", API_VERSION);
        ex.setHeader("Docker-Experimental", "false");
        ex.setHeader("Ostype", "linux");
        ex.setHeader("Cache-Control", "no-cache, no-store, must-revalidate");
        ex.sendText(200, "text/plain; charset=utf-8", ex.method().equals("HEAD") ? "" : "OK");
    }

    record Component(@JsonProperty("Name") String name, @JsonProperty("Version") String version,
                     @JsonProperty("Details") Map<String, String> details) {
    }

    record Version(@JsonProperty("Platform") Map<String, String> platform,
                   @JsonProperty("Components") List<Component> components,
                   @JsonProperty("Version") String version,
                   @JsonProperty("ApiVersion") String apiVersion,
                   @JsonProperty("MinAPIVersion") String minApiVersion,
                   @JsonProperty("GitCommit") String gitCommit,
                   @JsonProperty("GoVersion") String goVersion,
                   @JsonProperty("Os") String os,
                   @JsonProperty("Arch") String arch,
                   @JsonProperty("KernelVersion") String kernelVersion,
                   @JsonProperty("BuildTime") String buildTime) {
    }

    Version version() {
        Map<String, String> details = Map.of("ApiVersion", API_VERSION, "MinAPIVersion", MIN_API_VERSION,
                "Os", "linux", "Arch", info.goArch(), "KernelVersion", info.kernelVersion(),
                "GitCommit", "", "GoVersion", "java" + Runtime.version().feature());
        return new Version(Map.of("Name", "jcompose Engine"),
                List.of(new Component("Engine", info.version(), details)),
                info.version(), API_VERSION, MIN_API_VERSION, "", "java" + Runtime.version().feature(),
                "linux", info.goArch(), info.kernelVersion(), "");
    }

    record Info(@JsonProperty("ID") String id,
                @JsonProperty("Containers") int containers,
                @JsonProperty("ContainersRunning") int running,
                @JsonProperty("ContainersPaused") int paused,
                @JsonProperty("ContainersStopped") int stopped,
                @JsonProperty("Images") int images,
                @JsonProperty("Driver") String driver,
                @JsonProperty("DockerRootDir") String rootDir,
                @JsonProperty("Name") String name,
                @JsonProperty("ServerVersion") String serverVersion,
                @JsonProperty("OperatingSystem") String operatingSystem,
                @JsonProperty("OSType") String osType,
                @JsonProperty("Architecture") String architecture,
                @JsonProperty("KernelVersion") String kernelVersion,
                @JsonProperty("NCPU") int ncpu,
                @JsonProperty("MemTotal") long memTotal,
                @JsonProperty("CgroupDriver") String cgroupDriver,
                @JsonProperty("CgroupVersion") String cgroupVersion,
                @JsonProperty("DefaultRuntime") String defaultRuntime,
                @JsonProperty("Runtimes") Map<String, Map<String, String>> runtimes,
                @JsonProperty("SecurityOptions") List<String> securityOptions,
                @JsonProperty("Labels") List<String> labels,
                @JsonProperty("Plugins") Map<String, List<String>> plugins) {
    }

    Info info() {
        EngineInfo.Counts c = info.counts();
        return new Info(info.id(), c.containers(), c.running(), c.paused(), c.stopped(), c.images(),
                "overlayfs", info.root().toString(), info.hostname(), info.version(), info.operatingSystem(),
                "linux", info.arch(), info.kernelVersion(), Runtime.getRuntime().availableProcessors(),
                info.memTotal(), "cgroupfs", info.cgroupVersion(), "jcompose-shim",
                Map.of("jcompose-shim", Map.of("path", "jcompose-shim")), info.securityOptions(),
                List.of(), Map.of("Volume", List.of("local"), "Network", List.of("bridge", "host", "null"),
                        "Log", List.of("json-file")));
    }
}
