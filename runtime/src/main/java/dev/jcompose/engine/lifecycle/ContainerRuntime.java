package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.cgroup.CgroupManagerFactory;
import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.container.ContainerState;
import dev.jcompose.engine.events.EventBus;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.network.NetworkKernel;
import dev.jcompose.engine.shim.ExitStatus;
import dev.jcompose.engine.shim.ShimException;
import dev.jcompose.engine.shim.ShimProcess;
import dev.jcompose.engine.shim.ShimSpec;
import dev.jcompose.engine.shim.ShimSpecWriter;
import dev.jcompose.engine.shim.UserNamespace;
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
    private final ContainerPreparation preparation;
    private final EventBus events;
    private final Path shim;
    private final ContainerCgroups cgroups;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "container-watch");
        t.setDaemon(true);
        return t;
    });
    private final ContainerWaits waits = new ContainerWaits();
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
    private final PortPublishing ports = new PortPublishing();
    private final ContainerExec execs;
    /** Held while an exit is recorded (it releases the container's endpoints) and by network connect/disconnect. */
    private final Object exitLock = new Object();
    private final ContainerNetworking networking;

    /** @param cgroups null when this host's cgroups cannot be managed (containers then run without limits) */
    public ContainerRuntime(ContainerService containers, ImageStore images, VolumeStore volumes,
                            dev.jcompose.engine.network.NetworkStore networks, EventBus events, Path shim,
                            CgroupManagerFactory cgroups, Clock clock, dev.jcompose.engine.dns.EmbeddedDns dns) {
        this(containers, images, volumes, networks, events, shim, cgroups, clock, dns, null);
    }

    /** @param remap dockerd's --userns-remap: the user namespace of every container not created with UsernsMode host (null: none) */
    public ContainerRuntime(ContainerService containers, ImageStore images, VolumeStore volumes,
                            dev.jcompose.engine.network.NetworkStore networks, EventBus events, Path shim,
                            CgroupManagerFactory cgroups, Clock clock, dev.jcompose.engine.dns.EmbeddedDns dns, UserNamespace remap) {
        this.containers = containers;
        this.preparation = new ContainerPreparation(containers, images, volumes, remap);
        this.events = events;
        this.shim = shim;
        this.cgroups = new ContainerCgroups(cgroups);
        this.execs = new ContainerExec(containers, images, shim);
        this.clock = clock;
        this.health = new HealthMonitor(containers.store(), events, shim, clock);
        this.dns = dns;
        this.rules = new NetworkRules(new dev.jcompose.engine.net.firewall.NftFirewall(), Path.of("/proc/sys/net/ipv4/ip_forward"),
                Path.of("/proc/sys/net/ipv6/conf/all/forwarding"));
        this.networks = networks;
        this.attachments = new NetworkAttachments(networks, new dev.jcompose.engine.network.BridgeDriver(), rules, this::listenDns);
        this.hostsFiles = new HostsFiles(containers.store());
        this.names = new CoalescedTask(() -> {
            hostsFiles.refreshAll();
            refreshNames();
        });
        this.networking = new ContainerNetworking(containers, networks, attachments, rules, dns, events, names, exitLock);
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
     * through {@link #names}, which runs one rebuild at a time (so not under {@code exitLock}:
     * callers holding it wait for a rebuild).
     */
    private void refreshNames() {
        dns.update(DnsNames.table(networks.list(), containers.store().list()));
    }

    public void adopt() {
        networks.list().stream().filter(n -> Files.exists(Path.of("/sys/class/net", dev.jcompose.engine.network.BridgeDriver.bridgeName(n))))
                .forEach(this::listenDns);
        rules.restore(networks.list().stream()
                .filter(n -> Files.exists(Path.of("/sys/class/net", dev.jcompose.engine.network.BridgeDriver.bridgeName(n)))).toList());
        for (ContainerRecord r : containers.store().list()) {
            if (!r.state().running()) {
                cgroups.remove(r.id()); // left by an engine that died between the exit and the cleanup
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
            ports.republish(r);
            ContainerExec.Identity who = execs.identity(r, null, false);
            health.watch(r.id(), who.user(), who.capabilities());
        } catch (IOException | RuntimeException e) {
            LOG.warn("re-attaching to container {}: {}", r.shortName(), e.getMessage());
        }
    }

    /**
     * Docker's create: the container's {@code Mounts} recorded at once, its named and anonymous volumes made, so inspect
     * and a compose client see them before the first start. A volume that cannot be made is left to the start, which
     * reports it.
     */
    public void recordMounts(ContainerRecord created) {
        try {
            preparation.recordMounts(created);
        } catch (RuntimeException e) {
            LOG.warn("recording the mounts of new container {}: {}", created.shortName(), e.getMessage());
        }
    }

    public void start(String idOrName) {
        ContainerRecord asked = containers.inspect(idOrName);
        if (asked.state().running()) {
            throw new ContainerException(304, "container already started");
        }
        ContainerRecord r = preparation.recordMounts(asked);
        Path dir = containers.store().directory(r.id());
        ShimProcess shimProcess = null;
        try {
            ContainerPreparation.Prepared prepared = preparation.prepare(r, dir);
            ShimSpec spec = prepared.spec();
            UserResolver.Identity user = prepared.user();
            Path specFile = dir.resolve("shim.spec");
            ShimSpecWriter.write(spec, specFile);
            shimProcess = ShimProcess.start(shim, specFile, dir.resolve("shim.log"));
            long pid = shimProcess.containerPid();
            cgroups.join(r, pid);
            var endpoints = attachments.connect(r, pid);
            if (!endpoints.isEmpty() && (r.hostConfig().dns() == null || r.hostConfig().dns().isEmpty())) {
                EtcFiles.writeResolvConf(dir, endpoints.values().iterator().next().gateway(), r.hostConfig().dnsSearch(),
                        r.hostConfig().dnsOptions());
            }
            var published = ports.publish(r, endpoints);
            shimProcess.go();
            stoppedByUser.remove(r.id());
            waits.nextExit(r.id()); // a waiter that came before start (docker run) keeps its future
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

    private void fail(ContainerRecord r, String message) {
        attachments.release(r);
        ContainerRecord failed = containers.store().update(r.id(), c -> c.withState(c.state().failed(128, message)));
        cgroups.remove(r.id());
        // waiters that came before start (docker run) learn the end: dockerd's start failure stops the container
        waits.exited(r.id(), failed.state().exitCode());
        if (failed.hostConfig().autoRemoveEnabled()) {
            // as dockerd: a --rm container that cannot start is removed (docker run --rm waits for that before it exits)
            autoRemove(failed);
        }
        throw new ContainerException(500, message);
    }

    /** Records the exit the shim wrote, publishes "die", and restarts as the policy says. */
    private void exited(String id) {
        synchronized (exitLock) {
            recordExit(id);
        }
    }

    private void recordExit(String id) {
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
        boolean oom = cgroups.oomKilled(id); // read before the cgroup goes
        ContainerRecord after = containers.store().update(id, c -> c.withState(c.state().exited(s.exitCode(), oom, s.finishedAt())));
        cgroups.remove(id);
        attachments.release(after);
        if (after.networkSettings() != null) {
            after = containers.store().update(id, c -> c.withNetworkSettings(new ContainerRecord.NetworkSettings(
                    c.networkSettings().sandboxKey(), c.networkSettings().ports(), NetworkAttachments.disconnected(c.networkSettings().networks()))));
        }
        health.forget(id);
        ports.unpublish(id);
        names.run();
        if (oom) {
            events.publish("container", "oom", id, attributes(after)); // Docker's order: oom, then die
        }
        Map<String, String> attrs = new HashMap<>(attributes(after));
        attrs.put("exitCode", Integer.toString(s.exitCode()));
        events.publish("container", "die", id, attrs);
        waits.exited(id, s.exitCode());
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
        waits.removed(ended.id());
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
        waits.nextExit(id);
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
        CompletableFuture<Integer> exit = waits.nextExit(r.id());
        signal(r, Signals.parse(sig));
        if (!ContainerWaits.await(exit, grace)) {
            signal(r, 9);
            ContainerWaits.await(exit, Duration.ofSeconds(10));
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
        try {
            int code = waits.nextExit(r.id()).get();
            if ("removed".equals(condition)) {
                // Docker answers once it is gone (--rm: after its output was sent)
                waits.awaitRemoval(r.id(), () -> containers.store().get(r.id()).isEmpty());
            }
            return code;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("waiting for container " + r.shortName() + ": " + e.getCause().getMessage(), e);
        }
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
        cgroups.freeze(r, pause);
        containers.store().update(r.id(), c -> c.withState(c.state().paused(pause)));
        events.publish("container", pause ? "pause" : "unpause", r.id(), attributes(r));
    }

    /** Removal of a container that is not running (Docker's 409 otherwise), with its "destroy" event. */
    public void remove(String idOrName) {
        ContainerRecord r = containers.inspect(idOrName);
        containers.remove(r.id());
        cgroups.remove(r.id());
        events.publish("container", "destroy", r.id(), attributes(r));
        waits.removed(r.id());
    }

    /** Force removal: kill, wait for the exit to be recorded, then remove the record. */
    public void forceRemove(String idOrName) {
        ContainerRecord r = containers.inspect(idOrName);
        if (r.state().running()) {
            stoppedByUser.add(r.id());
            CompletableFuture<Integer> exit = waits.nextExit(r.id());
            signal(r, 9);
            if (r.state().paused()) {
                pause(r.id(), false); // thawed, the SIGKILL lands; else the process would stay frozen forever
            }
            ContainerWaits.await(exit, Duration.ofSeconds(10));
        }
        containers.remove(r.id());
        cgroups.remove(r.id()); // an exit not recorded in time is not cleaned up by the exit watcher, which finds no record
        events.publish("container", "destroy", r.id(), attributes(r));
        waits.removed(r.id());
    }

    private void signal(ContainerRecord r, int sig) {
        if (posix.kill(r.state().pid(), sig) != 0) {
            LOG.debug("kill " + r.state().pid() + " " + sig + ": errno " + posix.errno());
        }
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
        return execs.start(idOrName, cmd, env, user, workDir, privileged, io);
    }

    /** The runtime as the network routes need it: bridge teardown, connect, disconnect, members. */
    public NetworkKernel networking() {
        return networking;
    }

    /** The cgroup counters of container {@code id} (for {@code /containers/{id}/stats}); empty when it has no cgroup. */
    public java.util.Optional<dev.jcompose.engine.cgroup.CgroupStats> cgroupStats(String id) throws dev.jcompose.engine.cgroup.CgroupException {
        return cgroups.stats(id);
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
