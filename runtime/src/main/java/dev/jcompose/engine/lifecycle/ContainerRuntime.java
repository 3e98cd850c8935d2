package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.cgroup.CgroupException;
import dev.jcompose.engine.cgroup.CgroupManager;
import dev.jcompose.engine.cgroup.CgroupManagerFactory;
import dev.jcompose.engine.cgroup.CpuLimits;
import dev.jcompose.engine.cgroup.MemoryLimits;
import dev.jcompose.engine.cgroup.Resources;
import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.container.ContainerState;
import dev.jcompose.engine.container.HostConfig;
import dev.jcompose.engine.events.EventBus;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.shim.ExitStatus;
import dev.jcompose.engine.shim.ShimException;
import dev.jcompose.engine.shim.ShimProcess;
import dev.jcompose.engine.shim.ShimSpec;
import dev.jcompose.engine.shim.ShimSpecWriter;
import dev.jcompose.engine.supervise.RestartDecision;
import dev.jcompose.engine.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running containers: start through the shim (rootfs overlay, /etc files, cgroup, then go), stop
 * (stop signal, grace period, SIGKILL), kill, pause/unpause (freezer), wait, the exit watcher that
 * records exit codes and applies restart policies, and re-adoption of containers still running
 * when the engine starts again (their shims outlived the previous engine).
 */
public final class ContainerRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerRuntime.class);

    private final ContainerService containers;
    private final ImageStore images;
    private final VolumeStore volumes;
    private final EventBus events;
    private final Path shim;
    private final CgroupManagerFactory cgroups;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "container-watch");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<Integer>> exits = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> removals = new ConcurrentHashMap<>();
    /** Attached streams hold a container's output; its auto-removal waits for them, this long at most. */
    private final OutputHolds outputHolds = new OutputHolds();
    private static final Duration AUTO_REMOVE_DRAIN = Duration.ofSeconds(30);
    private final Set<String> stoppedByUser = ConcurrentHashMap.newKeySet();
    private final Map<String, RestartDecision.History> restarts = new HashMap<>();
    private final jnr.posix.POSIX posix = jnr.posix.POSIXFactory.getNativePOSIX();
    private final HealthMonitor health;
    private final NetworkAttachments attachments;
    private final NetworkRules rules;
    private final dev.jcompose.engine.network.NetworkStore networks;
    private final dev.jcompose.engine.dns.EmbeddedDns dns;
    private final HostsFiles hostsFiles;
    /** The hosts files and the DNS table rebuilt after a container or endpoint change, coalesced across concurrent changes. */
    private final CoalescedTask names;
    private final dev.jcompose.engine.net.ports.PortPublisher ports = new dev.jcompose.engine.net.ports.PortPublisher();

    /** @param cgroups null when this host's cgroups cannot be managed (containers then run without limits) */
    public ContainerRuntime(ContainerService containers, ImageStore images, VolumeStore volumes,
                            dev.jcompose.engine.network.NetworkStore networks, EventBus events, Path shim,
                            CgroupManagerFactory cgroups, Clock clock, dev.jcompose.engine.dns.EmbeddedDns dns) {
        this.containers = containers;
        this.images = images;
        this.volumes = volumes;
        this.events = events;
        this.shim = shim;
        this.cgroups = cgroups;
        this.clock = clock;
        this.health = new HealthMonitor(containers.store(), events, shim, clock);
        this.dns = dns;
        this.rules = new NetworkRules(new dev.jcompose.engine.net.firewall.NftFirewall(), Path.of("/proc/sys/net/ipv4/ip_forward"));
        this.networks = networks;
        this.attachments = new NetworkAttachments(networks, new dev.jcompose.engine.network.BridgeDriver(), rules, this::listenDns);
        this.hostsFiles = new HostsFiles(containers.store());
        this.names = new CoalescedTask(() -> {
            hostsFiles.refreshAll();
            refreshNames();
        });
    }

    /** Re-attaches to containers that kept running while the engine was away; records the ends of those that stopped. */
    /** Serves DNS on a network's gateway (called when its bridge exists); without it, /etc/hosts still resolves names. */
    private void listenDns(dev.jcompose.engine.network.NetworkRecord n) {
        for (var p : n.ipam().config()) {
            try {
                dns.listen(p.gateway(), 53);
            } catch (IOException e) {
                LOG.warn("DNS on network {} ({}:53): {}", n.name(), p.gateway(), e.getMessage());
            }
        }
    }

    /**
     * Rebuilds the DNS name table from the running containers' endpoints and swaps it in. Only
     * through {@link #names}, which runs one rebuild at a time (so not synchronized on this runtime:
     * callers holding it wait for a rebuild).
     */
    private void refreshNames() {
        var b = new dev.jcompose.engine.dns.NameTable.Builder();
        for (var n : networks.list()) {
            b.network(n.name(), n.ipam().config().get(0).subnet(), n.ipam().config().get(0).gateway());
        }
        for (ContainerRecord c : containers.store().list()) {
            if (!c.state().running() || c.networkSettings() == null) {
                continue;
            }
            c.networkSettings().networks().forEach((net, e) -> {
                if (e.ipAddress() == null) {
                    return;
                }
                for (String ip : e.globalIpv6Address() == null || e.globalIpv6Address().isEmpty() ? List.of(e.ipAddress())
                        : List.of(e.ipAddress(), e.globalIpv6Address())) {
                    b.add(net, c.shortName(), ip);
                    if (c.config().hostname() != null) {
                        b.add(net, c.config().hostname(), ip);
                    }
                    e.aliases().forEach(a -> b.add(net, a, ip));
                }
            });
        }
        dns.update(b.build());
    }

    public void adopt() {
        networks.list().stream().filter(n -> Files.exists(Path.of("/sys/class/net", dev.jcompose.engine.network.BridgeDriver.bridgeName(n))))
                .forEach(this::listenDns);
        rules.restore(networks.list().stream()
                .filter(n -> Files.exists(Path.of("/sys/class/net", dev.jcompose.engine.network.BridgeDriver.bridgeName(n)))).toList());
        for (ContainerRecord r : containers.store().list()) {
            if (!r.state().running()) {
                removeCgroup(r.id()); // left by an engine that died between the exit and the cleanup
                continue;
            }
            if (ProcessHandle.of(r.state().pid()).map(ProcessHandle::isAlive).orElse(false)) {
                watchByPolling(r.id());
                reattach(r);
                names.run();
            } else {
                exited(r.id());
            }
        }
    }

    /** The engine-side parts of a container that outlived the previous engine: its port proxies and health checks. */
    private void reattach(ContainerRecord r) {
        try {
            var endpoints = r.networkSettings().networks();
            String target = endpoints.values().stream().map(e -> e.ipAddress()).filter(java.util.Objects::nonNull).findFirst()
                    .orElse("127.0.0.1");
            publishTo(r.id(), r.networkSettings().ports(), target);
            ImageRecord image = images.get(Digest.parse(r.image())).orElseThrow(() -> new IOException("image " + r.image() + " is gone"));
            ImageRootfs rootfs = new ImageRootfs(images, image);
            UserResolver.Identity user = UserResolver.resolve(r.config().user(), rootfs.read("etc/passwd").orElse(null),
                    rootfs.read("etc/group").orElse(null));
            HostConfig h = r.hostConfig();
            long caps = dev.jcompose.engine.shim.DockerDefaults.capabilities(h.capAdd() == null ? java.util.List.of() : h.capAdd(),
                    h.capDrop() == null ? java.util.List.of() : h.capDrop(), Boolean.TRUE.equals(h.privileged()));
            health.watch(r.id(), user, caps);
        } catch (IOException | RuntimeException e) {
            LOG.warn("re-attaching to container {}: {}", r.shortName(), e.getMessage());
        }
    }

    public void start(String idOrName) {
        ContainerRecord r = containers.inspect(idOrName);
        if (r.state().running()) {
            throw new ContainerException(304, "container already started");
        }
        Path dir = containers.store().directory(r.id());
        ShimProcess shimProcess = null;
        try {
            ImageRecord image = images.get(Digest.parse(r.image()))
                    .orElseThrow(() -> new ContainerException(404, "No such image: " + r.config().image()));
            ImageRootfs rootfs = new ImageRootfs(images, image);
            UserResolver.Identity user = UserResolver.resolve(r.config().user(), rootfs.read("etc/passwd").orElse(null),
                    rootfs.read("etc/group").orElse(null));
            EtcFiles.write(r, dir, null, Path.of("/etc/resolv.conf"));
            copyUp(r, rootfs);
            BindOwnership.apply(r.hostConfig().binds(), user, this::volumeSource);
            ShimSpec spec = ContainerSpecs.build(r, user, rootfs.overlayData(dir), dir, this::volumeSource, this::netnsOf,
                    containers::inspect);
            Files.deleteIfExists(spec.exitFile());
            Path specFile = dir.resolve("shim.spec");
            ShimSpecWriter.write(spec, specFile);
            shimProcess = ShimProcess.start(shim, specFile, dir.resolve("shim.log"));
            long pid = shimProcess.containerPid();
            joinCgroup(r, pid);
            var endpoints = attachments.connect(r, pid);
            if (!endpoints.isEmpty() && (r.hostConfig().dns() == null || r.hostConfig().dns().isEmpty())) {
                EtcFiles.writeResolvConf(dir, endpoints.values().iterator().next().gateway(), r.hostConfig().dnsSearch(),
                        r.hostConfig().dnsOptions());
            }
            var published = publish(r, endpoints);
            shimProcess.go();
            stoppedByUser.remove(r.id());
            exits.putIfAbsent(r.id(), new CompletableFuture<>()); // a waiter that came before start (docker run) keeps its future
            containers.store().update(r.id(), c -> c.withState(c.state().running(pid, clock.instant()))
                    .withNetworkSettings(new ContainerRecord.NetworkSettings("/proc/" + pid + "/ns/net", published,
                            endpoints.isEmpty() ? c.networkSettings().networks() : endpoints)));
            names.run();
            events.publish("container", "start", r.id(), attributes(r));
            health.watch(r.id(), user, spec.capabilities());
            ShimProcess watched = shimProcess;
            watched.monitor().onExit().thenRun(() -> exited(r.id()));
        } catch (ShimException e) {
            fail(r, "failed to start container \"" + r.shortName() + "\": " + e.getMessage());
        } catch (IOException | IllegalArgumentException | dev.jcompose.engine.network.NetworkException
                 | dev.jcompose.engine.volume.VolumeException e) {
            if (shimProcess != null) {
                shimProcess.abort();
            }
            ports.unpublish(r.id());
            fail(r, "failed to start container \"" + r.shortName() + "\": " + e.getMessage());
        }
    }

    /** Starts the port proxies (TCP and UDP) for the container's PortBindings, to its first address; the actual host ports for inspect. */
    private Map<String, java.util.List<HostConfig.PortBinding>> publish(ContainerRecord r,
            Map<String, dev.jcompose.engine.container.EndpointSettings> endpoints) throws IOException {
        String target = endpoints.values().stream().map(e -> e.ipAddress()).filter(java.util.Objects::nonNull).findFirst().orElse("127.0.0.1");
        Map<String, java.util.List<HostConfig.PortBinding>> out = publishTo(r.id(), r.hostConfig().portBindings(), target);
        // as Docker: an exposed port that is not published is listed with no binding (docker ps shows "80/tcp")
        if (r.config().exposedPorts() != null) {
            r.config().exposedPorts().keySet().forEach(port -> out.putIfAbsent(port.contains("/") ? port : port + "/tcp", java.util.List.of()));
        }
        return out;
    }

    private Map<String, java.util.List<HostConfig.PortBinding>> publishTo(String id, Map<String, java.util.List<HostConfig.PortBinding>> asked,
                                                                         String target) throws IOException {
        Map<String, java.util.List<HostConfig.PortBinding>> out = new java.util.TreeMap<>();
        if (asked == null || asked.isEmpty()) {
            return out;
        }
        java.util.List<dev.jcompose.engine.net.ports.PortBinding> bindings = new java.util.ArrayList<>();
        for (var e : asked.entrySet()) {
            String[] portProto = e.getKey().split("/");
            String proto = portProto.length > 1 ? portProto[1] : "tcp";
            if (!proto.equals("tcp") && !proto.equals("udp")) {
                continue;
            }
            for (HostConfig.PortBinding b : e.getValue() == null ? java.util.List.<HostConfig.PortBinding>of() : e.getValue()) {
                String hp = b.hostPort() == null ? "" : b.hostPort();
                int start = hp.isEmpty() ? 0 : Integer.parseInt(hp.split("-")[0]);
                int end = hp.contains("-") ? Integer.parseInt(hp.split("-")[1]) : start;
                bindings.add(new dev.jcompose.engine.net.ports.PortBinding(proto, b.hostIp(), start, end, target,
                        Integer.parseInt(portProto[0])));
            }
        }
        for (var p : ports.publishAll(id, bindings)) {
            out.computeIfAbsent(p.containerPort() + "/" + p.protocol(), k -> new java.util.ArrayList<>())
                    .add(new HostConfig.PortBinding(p.hostIp(), Integer.toString(p.hostPort())));
        }
        return out;
    }

    private void fail(ContainerRecord r, String message) {
        attachments.release(r);
        containers.store().update(r.id(), c -> c.withState(c.state().failed(128, message)));
        removeCgroup(r.id());
        throw new ContainerException(500, message);
    }

    private void joinCgroup(ContainerRecord r, long pid) throws CgroupException {
        if (cgroups == null) {
            return;
        }
        CgroupManager cg = cgroups.forPath("jcompose/" + r.id());
        cg.create();
        HostConfig h = r.hostConfig();
        // the device allow-list of every unprivileged container (Docker's defaults): mknod works, opening other devices does not
        Resources res = Boolean.TRUE.equals(h.privileged()) ? Resources.none()
                : Resources.none().withDevices(dev.jcompose.engine.cgroup.DeviceRule.containerDefaults());
        if (h.memory() != null && h.memory() > 0) {
            res = res.withMemory(MemoryLimits.limit(h.memory()));
        }
        if (h.nanoCpus() != null && h.nanoCpus() > 0) {
            res = res.withCpu(CpuLimits.cpus(h.nanoCpus() / 1e9));
        }
        if (h.pidsLimit() != null && h.pidsLimit() > 0) {
            res = res.withPidsLimit(h.pidsLimit());
        }
        cg.apply(res);
        cg.addProcess(pid);
    }

    private void removeCgroup(String id) {
        if (cgroups == null) {
            return;
        }
        try {
            cgroups.forPath("jcompose/" + id).destroy(Duration.ofSeconds(2)); // stragglers are killed, not left behind
        } catch (CgroupException e) {
            LOG.warn("removing the cgroup of container " + id + ": " + e.getMessage());
        }
    }

    /** Records the exit the shim wrote, publishes "die", and restarts as the policy says. */
    private synchronized void exited(String id) {
        Optional<ContainerRecord> current = containers.store().get(id);
        if (current.isEmpty() || !current.get().state().running()) {
            return;
        }
        ContainerRecord r = current.get();
        ExitStatus status;
        try {
            status = ExitStatus.read(containers.store().directory(id).resolve("exit.json"))
                    .orElse(new ExitStatus(137, 9, clock.instant()));
        } catch (IOException e) {
            status = new ExitStatus(128, 0, clock.instant());
        }
        ExitStatus s = status;
        Instant started = Instant.parse(r.state().startedAt());
        ContainerRecord after = containers.store().update(id, c -> c.withState(c.state().exited(s.exitCode(), false, s.finishedAt())));
        removeCgroup(id);
        attachments.release(after);
        if (after.networkSettings() != null) {
            after = containers.store().update(id, c -> c.withNetworkSettings(new ContainerRecord.NetworkSettings(
                    c.networkSettings().sandboxKey(), c.networkSettings().ports(), NetworkAttachments.disconnected(c.networkSettings().networks()))));
        }
        health.forget(id);
        ports.unpublish(id);
        names.run();
        Map<String, String> attrs = new HashMap<>(attributes(after));
        attrs.put("exitCode", Integer.toString(s.exitCode()));
        events.publish("container", "die", id, attrs);
        Optional.ofNullable(exits.remove(id)).ifPresent(f -> f.complete(s.exitCode()));
        boolean byUser = stoppedByUser.remove(id);
        RestartDecision.History history = restarts.getOrDefault(id, RestartDecision.History.NONE);
        Optional<RestartDecision.Restart> decision = RestartDecision.decide(after.hostConfig().effectiveRestartPolicy(), s.exitCode(),
                byUser, Duration.between(started, s.finishedAt()), history);
        if (decision.isPresent()) {
            restarts.put(id, decision.get().history());
            containers.store().update(id, c -> c.withRestartCount(decision.get().history().restartCount()));
            scheduler.schedule(() -> restart(id), decision.get().delay().toMillis(), TimeUnit.MILLISECONDS);
        } else if (after.hostConfig().autoRemoveEnabled()) {
            ContainerRecord ended = after;
            outputHolds.whenReleased(id, AUTO_REMOVE_DRAIN, scheduler, () -> autoRemove(ended));
        }
    }

    /** {@code --rm}: the record and its directory (with the log) go once the attached streams sent the output. */
    private void autoRemove(ContainerRecord ended) {
        try {
            containers.remove(ended.id());
            events.publish("container", "destroy", ended.id(), attributes(ended));
        } catch (ContainerException e) {
            LOG.debug("auto-removing container {}: {}", ended.shortName(), e.getMessage()); // removed or started again meanwhile
        }
        removed(ended.id());
    }

    /** Lets the waiters for condition "removed" go. */
    private void removed(String id) {
        Optional.ofNullable(removals.remove(id)).ifPresent(f -> f.complete(null));
    }

    /** Held by an attach while it sends the container's output: an auto-removal waits for its release. */
    public OutputHolds.Hold holdOutput(String id) {
        return outputHolds.hold(id);
    }

    private void restart(String id) {
        try {
            if (containers.store().get(id).isPresent() && !stoppedByUser.contains(id)) {
                start(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("restarting container " + id + ": " + e.getMessage());
        }
    }

    private void watchByPolling(String id) {
        exits.putIfAbsent(id, new CompletableFuture<>());
        scheduler.scheduleWithFixedDelay(() -> {
            Optional<ContainerRecord> r = containers.store().get(id);
            if (r.isEmpty() || !r.get().state().running()) {
                throw new IllegalStateException("stop polling");
            }
            boolean alive = ProcessHandle.of(r.get().state().pid()).map(ProcessHandle::isAlive).orElse(false);
            if (!alive || Files.exists(containers.store().directory(id).resolve("exit.json"))) {
                exited(id);
                throw new IllegalStateException("stop polling");
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Sends the stop signal, waits up to {@code timeout}, then SIGKILL; returns when the exit is recorded. */
    public void stop(String idOrName, Duration timeout, String signal) {
        ContainerRecord r = containers.inspect(idOrName);
        if (!r.state().running()) {
            throw new ContainerException(304, "container already stopped");
        }
        stoppedByUser.add(r.id());
        String sig = signal != null ? signal : r.config().stopSignal() != null ? r.config().stopSignal() : "SIGTERM";
        Duration grace = timeout != null ? timeout : Duration.ofSeconds(r.config().stopTimeout() == null ? 10 : r.config().stopTimeout());
        CompletableFuture<Integer> exit = exits.computeIfAbsent(r.id(), k -> new CompletableFuture<>());
        signal(r, Signals.parse(sig));
        if (!awaitExit(exit, grace)) {
            signal(r, 9);
            awaitExit(exit, Duration.ofSeconds(10));
        }
        events.publish("container", "stop", r.id(), attributes(r));
    }

    public void kill(String idOrName, String signal) {
        ContainerRecord r = containers.inspect(idOrName);
        if (!r.state().running()) {
            throw ContainerException.conflict("cannot kill container: " + r.shortName() + ": container " + r.id() + " is not running");
        }
        int sig = Signals.parse(signal == null ? "SIGKILL" : signal);
        if (sig == 9 || sig == 15) {
            stoppedByUser.add(r.id());
        }
        signal(r, sig);
        if (sig == 9 && r.state().paused()) {
            pause(r.id(), false); // a frozen process cannot die: SIGKILL of a paused container thaws it, as Docker's
        }
        events.publish("container", "kill", r.id(), Map.of("name", r.shortName(), "signal", Integer.toString(sig)));
    }

    public void restartContainer(String idOrName, Duration timeout) {
        ContainerRecord r = containers.inspect(idOrName);
        if (r.state().running()) {
            stop(r.id(), timeout, null);
        }
        start(r.id());
    }

    /** Blocks until the container is not running (condition "not-running") or its next exit ("next-exit"); returns the exit code. */
    public int await(String idOrName, String condition) throws InterruptedException {
        ContainerRecord r = containers.inspect(idOrName);
        boolean beforeStart = "created".equals(r.state().status()) && "removed".equals(condition); // docker run --rm waits first
        if (!r.state().running() && !"next-exit".equals(condition) && !beforeStart) {
            return r.state().exitCode();
        }
        CompletableFuture<Integer> exit = exits.computeIfAbsent(r.id(), k -> new CompletableFuture<>());
        try {
            int code = exit.get();
            if ("removed".equals(condition)) {
                awaitRemoval(r.id());
            }
            return code;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("waiting for container " + r.shortName() + ": " + e.getCause().getMessage(), e);
        }
    }

    /** Condition "removed" of a container that ran: Docker answers once it is gone ({@code --rm}: after its output was sent). */
    private void awaitRemoval(String id) throws InterruptedException, java.util.concurrent.ExecutionException {
        CompletableFuture<Void> gone = removals.computeIfAbsent(id, k -> new CompletableFuture<>());
        if (containers.store().get(id).isEmpty()) {
            removed(id);
        }
        gone.get();
    }

    public void pause(String idOrName, boolean pause) {
        ContainerRecord r = containers.inspect(idOrName);
        if (!r.state().running()) {
            throw ContainerException.conflict("Container " + r.id() + " is not running");
        }
        if (pause && r.state().paused()) {
            throw ContainerException.conflict("Container " + r.id() + " is already paused");
        }
        if (!pause && !r.state().paused()) {
            throw ContainerException.conflict("Container " + r.id() + " is not paused");
        }
        if (cgroups == null) {
            throw new ContainerException(500, "pausing needs the cgroup freezer, which this host does not offer to jcompose");
        }
        try {
            CgroupManager cg = cgroups.forPath("jcompose/" + r.id());
            if (pause) {
                cg.freeze();
            } else {
                cg.thaw();
            }
        } catch (CgroupException e) {
            throw new ContainerException(500, (pause ? "pausing " : "unpausing ") + r.shortName() + ": " + e.getMessage());
        }
        containers.store().update(r.id(), c -> c.withState(c.state().paused(pause)));
        events.publish("container", pause ? "pause" : "unpause", r.id(), attributes(r));
    }

    /** Removal of a container that is not running (Docker's 409 otherwise), with its "destroy" event. */
    public void remove(String idOrName) {
        ContainerRecord r = containers.inspect(idOrName);
        containers.remove(r.id());
        removeCgroup(r.id());
        events.publish("container", "destroy", r.id(), attributes(r));
        removed(r.id());
    }

    /** Force removal: kill, wait for the exit to be recorded, then remove the record. */
    public void forceRemove(String idOrName) {
        ContainerRecord r = containers.inspect(idOrName);
        if (r.state().running()) {
            stoppedByUser.add(r.id());
            CompletableFuture<Integer> exit = exits.computeIfAbsent(r.id(), k -> new CompletableFuture<>());
            signal(r, 9);
            if (r.state().paused()) {
                pause(r.id(), false); // thawed, the SIGKILL lands; else the process would stay frozen forever
            }
            awaitExit(exit, Duration.ofSeconds(10));
        }
        containers.remove(r.id());
        removeCgroup(r.id()); // an exit not recorded in time is not cleaned up by the exit watcher, which finds no record
        events.publish("container", "destroy", r.id(), attributes(r));
        removed(r.id());
    }

    private boolean awaitExit(CompletableFuture<Integer> exit, Duration timeout) {
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    private void signal(ContainerRecord r, int sig) {
        if (posix.kill(r.state().pid(), sig) != 0) {
            LOG.debug("kill " + r.state().pid() + " " + sig + ": errno " + posix.errno());
        }
    }

    private String volumeData(String name) {
        return volumes.create(name, null, null, null).mountpoint();
    }

    private dev.jcompose.engine.volume.VolumeSource volumeSource(String name) {
        return dev.jcompose.engine.volume.VolumeSource.of(volumes.create(name, null, null, null));
    }

    private Path netnsOf(String idOrName) {
        ContainerRecord other = containers.inspect(idOrName);
        if (!other.state().running()) {
            throw new IllegalArgumentException("cannot join the network of container " + other.shortName() + ": it is not running");
        }
        return Path.of("/proc/" + other.state().pid() + "/ns/net");
    }

    static Map<String, String> attributes(ContainerRecord r) {
        Map<String, String> a = new HashMap<>(r.labels());
        a.put("name", r.shortName());
        a.put("image", r.config().image());
        return a;
    }

    /**
     * Starts {@code cmd} in a running container as {@code user} (the container's user when empty), with
     * the container's environment plus {@code env}, in {@code workDir} (the container's when empty).
     */
    public Process exec(String idOrName, List<String> cmd, List<String> env, String user, String workDir, boolean privileged,
                        dev.jcompose.engine.shim.ShimExec.Io io) throws IOException {
        ContainerRecord r = containers.inspect(idOrName);
        if (!r.state().running()) {
            throw ContainerException.conflict("container " + r.id() + " is not running");
        }
        if (r.state().paused()) {
            throw ContainerException.conflict("container " + r.id() + " is paused, unpause the container before exec");
        }
        ImageRecord image = images.get(Digest.parse(r.image())).orElseThrow(() -> new IOException("image " + r.image() + " is gone"));
        ImageRootfs rootfs = new ImageRootfs(images, image);
        UserResolver.Identity id = UserResolver.resolve(user == null || user.isEmpty() ? r.config().user() : user,
                rootfs.read("etc/passwd").orElse(null), rootfs.read("etc/group").orElse(null));
        HostConfig h = r.hostConfig();
        long caps = dev.jcompose.engine.shim.DockerDefaults.capabilities(h.capAdd() == null ? List.of() : h.capAdd(),
                h.capDrop() == null ? List.of() : h.capDrop(), privileged || Boolean.TRUE.equals(h.privileged()));
        List<String> fullEnv = new java.util.ArrayList<>(r.config().env());
        fullEnv.addAll(env);
        String cwd = workDir == null || workDir.isEmpty() ? r.config().workingDir() : workDir;
        return dev.jcompose.engine.shim.ShimExec.start(shim, r.state().pid(), cmd, fullEnv, cwd, id.uid(), id.gid(), caps,
                containers.store().directory(r.id()), io);
    }

    /** Named volumes that are new and empty get the image's content at their mount point (unless {@code nocopy}). */
    private void copyUp(ContainerRecord r, ImageRootfs rootfs) throws IOException {
        for (String bind : r.hostConfig().binds() == null ? List.<String>of() : r.hostConfig().binds()) {
            String[] parts = bind.split(":");
            if (parts.length >= 2 && !parts[0].startsWith("/") && !(parts.length > 2 && parts[2].contains("nocopy"))
                    && volumeSource(parts[0]).isDataDirectory()) {
                VolumeCopyUp.copy(rootfs.layerDirsBaseFirst(), parts[1], Path.of(volumeData(parts[0])));
            }
        }
        if (r.hostConfig().mounts() == null) {
            return;
        }
        for (HostConfig.Mount m : r.hostConfig().mounts()) {
            boolean noCopy = m.volumeOptions() != null && Boolean.TRUE.equals(m.volumeOptions().get("NoCopy"));
            if (!"volume".equals(m.type()) || m.source() == null || m.source().isEmpty() || noCopy
                    || !volumeSource(m.source()).isDataDirectory()) {
                continue;
            }
            Path data = Path.of(volumeData(m.source()));
            VolumeCopyUp.copy(rootfs.layerDirsBaseFirst(), m.target(), data);
        }
    }

    /**
     * {@code docker network connect}: a running container gets a veth on the network now (the next
     * ethN) and its names enter the network's DNS; a stopped one gets the endpoint at its next start.
     */
    public synchronized void connectNetwork(String idOrName, String network, dev.jcompose.engine.container.EndpointSettings asked)
            throws IOException {
        ContainerRecord r = containers.inspect(idOrName);
        dev.jcompose.engine.network.NetworkRecord n = attachments.network(network);
        if (!NetworkAttachments.ownsEndpoints(r)) {
            throw new ContainerException(400, "container sharing network namespace with another container or host cannot be connected to any other network");
        }
        if (r.networkSettings() != null && r.networkSettings().networks().containsKey(n.name())) {
            throw new ContainerException(403, "endpoint with name " + r.shortName() + " already exists in network " + n.name());
        }
        var endpoint = asked != null ? asked
                : new dev.jcompose.engine.container.EndpointSettings(null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null);
        if (r.state().running()) {
            endpoint = attachments.connectOne(r, r.state().pid(), n, endpoint);
        }
        var result = endpoint;
        containers.store().update(r.id(), c -> c.withNetworkSettings(withEndpoint(c.networkSettings(), n.name(), result)));
        names.run();
        events.publish("network", "connect", n.id(), Map.of("container", r.id(), "name", n.name(), "type", n.driver()));
    }

    /** {@code docker network disconnect}: the veth leaves the running container, its address is freed and its names leave the DNS. */
    public synchronized void disconnectNetwork(String idOrName, String network, boolean force) throws IOException {
        ContainerRecord r = containers.inspect(idOrName);
        dev.jcompose.engine.network.NetworkRecord n = networks.find(network);
        var endpoint = r.networkSettings() == null ? null : r.networkSettings().networks().get(n.name());
        if (endpoint == null && !n.name().equals(r.hostConfig().effectiveNetworkMode())) {
            throw new ContainerException(403, "container " + r.id() + " is not connected to network " + n.name());
        }
        if (r.state().running()) {
            attachments.disconnect(r, n, endpoint);
        }
        containers.store().update(r.id(), c -> c.withNetworkSettings(withEndpoint(c.networkSettings(), n.name(), null)));
        names.run();
        events.publish("network", "disconnect", n.id(), Map.of("container", r.id(), "name", n.name(), "type", n.driver()));
    }

    /** The settings with {@code endpoint} on {@code network} (null: without that network), other networks in their order. */
    private static ContainerRecord.NetworkSettings withEndpoint(ContainerRecord.NetworkSettings s, String network,
                                                                 dev.jcompose.engine.container.EndpointSettings endpoint) {
        Map<String, dev.jcompose.engine.container.EndpointSettings> nets = new java.util.LinkedHashMap<>();
        if (s != null) {
            nets.putAll(s.networks());
        }
        if (endpoint == null) {
            nets.remove(network);
        } else {
            nets.put(network, endpoint);
        }
        return new ContainerRecord.NetworkSettings(s == null ? null : s.sandboxKey(), s == null ? null : s.ports(), nets);
    }

    /** The runtime as the network routes need it: bridge teardown, connect, disconnect. */
    public dev.jcompose.engine.network.NetworkKernel networkKernel() {
        return new dev.jcompose.engine.network.NetworkKernel() {
            @Override
            public void removed(dev.jcompose.engine.network.NetworkRecord n) {
                removeBridge(n);
            }

            @Override
            public void connect(String container, String network, dev.jcompose.engine.container.EndpointSettings endpoint)
                    throws IOException {
                connectNetwork(container, network, endpoint);
            }

            @Override
            public Map<String, dev.jcompose.engine.network.NetworkRecord.Member> members(String network) {
                Map<String, dev.jcompose.engine.network.NetworkRecord.Member> out = new java.util.TreeMap<>();
                for (ContainerRecord c : containers.store().list()) {
                    var e = c.state().running() && c.networkSettings() != null ? c.networkSettings().networks().get(network) : null;
                    if (e != null && e.ipAddress() != null && !e.ipAddress().isEmpty()) {
                        out.put(c.id(), new dev.jcompose.engine.network.NetworkRecord.Member(c.shortName(), e.endpointId(),
                                e.macAddress() == null ? "" : e.macAddress(), e.ipAddress() + "/" + e.ipPrefixLen(),
                                e.globalIpv6Address() == null || e.globalIpv6Address().isEmpty() ? ""
                                        : e.globalIpv6Address() + "/" + e.globalIpv6PrefixLen()));
                    }
                }
                return out;
            }

            @Override
            public void disconnect(String container, String network, boolean force) throws IOException {
                disconnectNetwork(container, network, force);
            }
        };
    }

    /** Deletes the bridge of a removed network (nothing when it never had one). */
    public void removeBridge(dev.jcompose.engine.network.NetworkRecord n) {
        rules.remove(n);
        n.ipam().config().forEach(p -> dns.stop(p.gateway(), 53));
        try {
            new dev.jcompose.engine.network.BridgeDriver().deleteBridge(n);
        } catch (IOException e) {
            LOG.warn("removing the bridge of network {}: {}", n.name(), e.getMessage());
        }
    }

    /** Whether a container is running now (for log following). */
    public boolean isRunning(String id) {
        return containers.store().get(id).map(r -> r.state().running()).orElse(false);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        dns.close();
        health.close();
        ports.close();
    }

    ContainerState stateOf(String id) {
        return containers.inspect(id).state();
    }
}
