package dev.jcompose.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.api.ApiServer;
import dev.jcompose.engine.api.ContainerRoutes;
import dev.jcompose.engine.api.EngineInfo;
import dev.jcompose.engine.api.EventRoutes;
import dev.jcompose.engine.api.ImageRoutes;
import dev.jcompose.engine.api.LifecycleRoutes;
import dev.jcompose.engine.api.NetworkRoutes;
import dev.jcompose.engine.network.NetworkStore;
import dev.jcompose.engine.api.Router;
import dev.jcompose.engine.api.SystemRoutes;
import dev.jcompose.engine.api.VolumeRoutes;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.container.ContainerStore;
import dev.jcompose.engine.container.ImageStoreResolver;
import dev.jcompose.engine.events.EventBus;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.NativeFs;
import dev.jcompose.engine.image.unpack.UnpackOptions;
import dev.jcompose.engine.lifecycle.ContainerRuntime;
import dev.jcompose.engine.shim.ShimBinary;
import dev.jcompose.engine.shim.UserNamespace;
import dev.jcompose.engine.volume.VolumeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * The engine daemon: owns the state directories and the API server, and writes its pid file.
 * {@link #start()} returns once the socket accepts calls; {@link #close()} stops serving (containers,
 * held by their shims, keep running).
 */
public final class Engine implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    private final EngineConfig config;
    private final ApiServer server;
    private final ImageStore images;
    private final ContainerService containers;
    private final EventBus events;
    private final VolumeStore volumes;
    private final ContainerRuntime runtime;
    private final NetworkStore networks;

    /** Opens the state under {@code config.root()} (recovering what a crash left) and prepares the API; {@link #start()} serves it. */
    public Engine(EngineConfig config) {
        this.config = config;
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Clock clock = Clock.systemUTC();
        try {
            NativeFs fs = new NativeFs();
            this.images = ImageStore.open(config.root().resolve("images"), new LayerUnpacker(fs, UnpackOptions.forCurrentUser(fs)));
            this.containers = new ContainerService(new ContainerStore(config.root().resolve("containers")),
                    new ImageStoreResolver(images, json), clock, config.usernsRemap() != null);
            UserNamespace remap = config.usernsRemap();
            this.volumes = new VolumeStore(config.root().resolve("volumes"), clock,
                    remap == null ? VolumeStore.Owner.ROOT : new VolumeStore.Owner(remap.hostUid(0), remap.hostGid(0)));
            if (remap != null) {
                dev.jcompose.engine.lifecycle.RemappedPaths.searchable(config.root(), config.root().resolve("containers"),
                        config.root().resolve("volumes"));
            }
            this.networks = new NetworkStore(config.root().resolve("networks"), clock);
            this.events = new EventBus(clock);
            this.runtime = new ContainerRuntime(containers, images, volumes, networks, events, ShimBinary.locate(config.root()), cgroups(),
                    clock, new dev.jcompose.engine.dns.EmbeddedDns(dev.jcompose.engine.dns.EmbeddedDns.upstreamFrom(System.getenv(),
                            java.nio.file.Path.of("/etc/resolv.conf"))), remap);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the engine state under " + config.root() + ": " + e.getMessage(), e);
        }
        Router router = new Router();
        new SystemRoutes(new EngineInfo(config.root(), VERSION, () -> EngineInfo.Counts.NONE, config.usernsRemap() != null)).register(router);
        new ContainerRoutes(containers, json, events, runtime::recordMounts).register(router);
        new EventRoutes(events, json).register(router);
        new VolumeRoutes(volumes, containers::volumeUsers, json).register(router);
        new LifecycleRoutes(containers, runtime, volumes).register(router);
        new dev.jcompose.engine.api.ExecRoutes(containers, runtime).register(router);
        new dev.jcompose.engine.api.TopRoutes(containers).register(router);
        java.nio.file.Path proc = java.nio.file.Path.of("/proc");
        new dev.jcompose.engine.api.StatsRoutes(containers, new dev.jcompose.engine.stats.StatsSampler(runtime::cgroupStats,
                new dev.jcompose.engine.stats.NetDev(proc), () -> dev.jcompose.engine.stats.HostUsage.read(proc)), json, clock).register(router);
        new dev.jcompose.engine.api.ArchiveRoutes(containers, images, json, config.usernsRemap()).register(router);
        new dev.jcompose.engine.api.AttachRoutes(containers, runtime).register(router);
        new NetworkRoutes(networks, containers::networkUsers, json, runtime.networking()).register(router);
        new ImageRoutes(images, id -> containers.store().list().stream().anyMatch(c -> id.toString().equals(c.image())),
                config.root(), json, new dev.jcompose.engine.image.registry.ImagePuller(new dev.jcompose.engine.image.registry.RegistryClient(
                        dev.jcompose.engine.image.registry.RegistryOptions.defaults().withInsecure(config.insecureRegistries()),
                        dev.jcompose.engine.image.registry.DockerConfigCredentials.fromEnvironment()), images)).register(router);
        this.server = new ApiServer(config.socket(), router, json);
    }

    public ImageStore images() {
        return images;
    }

    public ContainerService containers() {
        return containers;
    }

    public VolumeStore volumes() {
        return volumes;
    }

    public EventBus events() {
        return events;
    }

    public EngineConfig config() {
        return config;
    }

    /** The host's cgroups, or null (with a warning in the log) where jcompose cannot manage them: containers then run without limits. */
    private static dev.jcompose.engine.cgroup.CgroupManagerFactory cgroups() {
        try {
            return dev.jcompose.engine.cgroup.CgroupManagerFactory.forHost();
        } catch (dev.jcompose.engine.cgroup.CgroupException e) {
            org.slf4j.LoggerFactory.getLogger(Engine.class).warn("cgroups unavailable, containers run without limits: {}", e.getMessage());
            return null;
        }
    }

    public NetworkStore networks() {
        return networks;
    }

    /** Removes every container and network of this engine's state, with their kernel parts (for tests and resets). */
    public void removeEverything() {
        containers.store().list().forEach(r -> runtime.forceRemove(r.id()));
        for (var n : networks.list()) {
            networks.remove(n.id(), java.util.List.of());
            runtime.networking().removed(n);
        }
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    public void start() throws IOException {
        Files.createDirectories(config.root());
        Files.createDirectories(config.runDir());
        runtime.adopt();
        server.start();
        var tmp = config.runDir().resolve("jcompose.pid.tmp");
        Files.writeString(tmp, ProcessHandle.current().pid() + "\n");
        Files.move(tmp, config.pidFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        server.close();
        runtime.close();
        try {
            Files.deleteIfExists(config.pidFile());
        } catch (IOException e) {
            // the next start replaces it
        }
    }
}
