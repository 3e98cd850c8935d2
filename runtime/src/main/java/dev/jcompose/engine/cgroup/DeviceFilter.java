package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.util.List;

/**
 * Puts device rules in force on a cgroup v2 directory. cgroup v2 has no devices files: the real
 * implementation, {@link BpfDeviceFilter}, attaches an eBPF program; unit tests over a fake cgroupfs
 * record the call instead.
 */
@FunctionalInterface
public interface DeviceFilter {
    /** Replaces the cgroup's device filter with one enforcing {@code rules} (applied in order). */
    void install(Path cgroupDir, List<DeviceRule> rules) throws CgroupException;
}
