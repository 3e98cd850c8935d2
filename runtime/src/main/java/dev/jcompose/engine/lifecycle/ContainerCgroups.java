package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.cgroup.CgroupException;
import dev.jcompose.engine.cgroup.CgroupManager;
import dev.jcompose.engine.cgroup.CgroupManagerFactory;
import dev.jcompose.engine.cgroup.CpuLimits;
import dev.jcompose.engine.cgroup.DeviceRule;
import dev.jcompose.engine.cgroup.MemoryLimits;
import dev.jcompose.engine.cgroup.Resources;
import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.HostConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's cgroup {@code jcompose/<id>}: made with its limits and device rules when it starts, frozen and
 * thawed for pause, destroyed (stragglers killed) after it ends. Without a manageable cgroup hierarchy (a null
 * factory) containers run without limits and pause is refused.
 */
final class ContainerCgroups {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerCgroups.class);

    private final CgroupManagerFactory cgroups;

    ContainerCgroups(CgroupManagerFactory cgroups) {
        this.cgroups = cgroups;
    }

    /** Creates the cgroup of {@code r} with its limits and moves {@code pid} (the container's PID 1, not yet running) into it. */
    void join(ContainerRecord r, long pid) throws CgroupException {
        if (cgroups == null) {
            return;
        }
        CgroupManager cg = cgroups.forPath(path(r.id()));
        cg.create();
        HostConfig h = r.hostConfig();
        // the device allow-list of every unprivileged container (Docker's defaults): mknod works, opening other devices does not
        Resources res = Boolean.TRUE.equals(h.privileged()) ? Resources.none()
                : Resources.none().withDevices(DeviceRule.containerDefaults());
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

    /** Removes the cgroup of container {@code id}, killing what is left in it; a failure is logged. */
    void remove(String id) {
        if (cgroups == null) {
            return;
        }
        try {
            cgroups.forPath(path(id)).destroy(Duration.ofSeconds(2)); // stragglers are killed, not left behind
        } catch (CgroupException e) {
            LOG.warn("removing the cgroup of container " + id + ": " + e.getMessage());
        }
    }

    /** Freezes ({@code pause}) or thaws the processes of {@code r}; a 500 naming the container when that fails. */
    void freeze(ContainerRecord r, boolean pause) {
        if (cgroups == null) {
            throw new ContainerException(500, "pausing needs the cgroup freezer, which this host does not offer to jcompose");
        }
        try {
            CgroupManager cg = cgroups.forPath(path(r.id()));
            if (pause) {
                cg.freeze();
            } else {
                cg.thaw();
            }
        } catch (CgroupException e) {
            throw new ContainerException(500, (pause ? "pausing " : "unpausing ") + r.shortName() + ": " + e.getMessage());
        }
    }

    private static String path(String id) {
        return "jcompose/" + id;
    }
}
