package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One container's cgroup, whatever the host's layout (the one narrow interface; backends:
 * {@link CgroupV2Manager}, {@link CgroupV1Manager}, {@link HybridCgroupManager}). Get one from
 * {@link CgroupManagerFactory#forPath(String)}.
 *
 * <p>Life cycle: {@link #create()}, {@link #apply(Resources)}, {@link #addProcess(long)} (the engine
 * does it while the shim waits on its sync fd, before exec), then {@link #freeze()}/{@link #thaw()}
 * for pause, {@link #stats()} and {@link #pids()} while it runs, and {@link #killAll()} and
 * {@link #remove(Duration)} at the end.
 */
public interface CgroupManager {

    /** The cgroup's path below the hierarchy roots, e.g. {@code jcompose/3f2a…}. */
    String path();

    /** The cgroup's directories, one per hierarchy (one on a unified host), for the shim to join on exec. */
    List<Path> directories();

    /** Whether the cgroup exists (in its first hierarchy). */
    boolean exists();

    /** Creates the cgroup and its missing parents (enabling controllers on v2, copying cpusets on v1). */
    void create() throws CgroupException;

    /**
     * Writes the limits. Settings the host cannot enforce are skipped and reported.
     *
     * @return warnings, one line each, for the settings that were discarded (Docker's create warnings)
     */
    List<String> apply(Resources resources) throws CgroupException;

    /** Moves a process (all its threads) into the cgroup. */
    void addProcess(long pid) throws CgroupException;

    /** The PIDs in the cgroup and its descendants. */
    List<Long> pids() throws CgroupException;

    /** Freezes every process and waits until the kernel reports the cgroup frozen. */
    void freeze() throws CgroupException;

    /** Thaws the cgroup. */
    void thaw() throws CgroupException;

    /** The freezer state now. */
    FreezerState freezerState() throws CgroupException;

    /** Usage counters now. */
    CgroupStats stats() throws CgroupException;

    /** Sends SIGKILL to every process in the cgroup (without waiting for them to die). */
    void killAll() throws CgroupException;

    /**
     * Waits up to {@code timeout} for the cgroup to be empty, then removes it and any child cgroups,
     * deepest first, in every hierarchy. Removing a cgroup that does not exist is not an error.
     */
    void remove(Duration timeout) throws CgroupException;

    /**
     * The end of a container's cgroup (runc's destroy): {@link #remove(Duration)}; when processes are
     * still in it after {@code timeout} — stragglers of an ended container, or tasks the kernel was
     * slow to release under load — SIGKILLs them and removes once more, waiting as long again.
     */
    default void destroy(Duration timeout) throws CgroupException {
        try {
            remove(timeout);
        } catch (CgroupException stillBusy) {
            killAll();
            remove(timeout);
        }
    }
}
