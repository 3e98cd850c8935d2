/**
 * Container cgroups on every host layout, behind one interface.
 *
 * <ul>
 *   <li>{@link dev.jcompose.engine.cgroup.CgroupLayoutDetector} reads {@code /proc/self/mountinfo},
 *       {@code /proc/cgroups}, {@code /proc/filesystems} and the cgroup2 root's {@code cgroup.controllers}
 *       into a {@link dev.jcompose.engine.cgroup.CgroupLayout}: {@code UNIFIED} (cgroup2 only),
 *       {@code LEGACY} (v1 only) or {@code HYBRID} (v1 controllers plus a cgroup2 mount holding few or
 *       none, as on machines whose cgroup2 at {@code /sys/fs/cgroup/unified} holds only hugetlb).</li>
 *   <li>{@link dev.jcompose.engine.cgroup.CgroupManagerFactory#forPath(String)} gives the
 *       {@link dev.jcompose.engine.cgroup.CgroupManager} for a container's cgroup path
 *       ({@code jcompose/<id>} or {@code <cgroup_parent>/<id>}, relative to the hierarchy roots):
 *       {@link dev.jcompose.engine.cgroup.CgroupV2Manager}, {@link dev.jcompose.engine.cgroup.CgroupV1Manager}
 *       or {@link dev.jcompose.engine.cgroup.HybridCgroupManager} (v1 for the controllers, cgroup2 for
 *       what only it holds; processes join both trees).</li>
 *   <li>{@link dev.jcompose.engine.cgroup.Resources} carries Docker's limits; the backends translate
 *       them (v2: shares→weight, blkio weight→io.weight, memory+swap→swap alone, cpus→cpu.max as runc
 *       does) and return warnings for what the host cannot enforce, as Docker's create warnings.</li>
 * </ul>
 *
 * <p>Device rules: v1 writes {@code devices.deny}/{@code devices.allow}; cgroup v2 has no devices
 * files, so {@link dev.jcompose.engine.cgroup.BpfDeviceProgram} compiles the rules to an eBPF program
 * and {@link dev.jcompose.engine.cgroup.BpfDeviceFilter} loads and attaches it (bpf(2) through jnr-ffi).
 *
 * <p>Not done: the systemd cgroup driver (transient scopes over D-Bus); cgroups are managed on the
 * filesystem directly, like Docker's {@code cgroupfs} driver.
 *
 * <p>All file access goes through {@link dev.jcompose.engine.cgroup.CgroupFs}, so unit tests run the
 * backends against a fake cgroupfs in a temporary directory; signals go through
 * {@link dev.jcompose.engine.cgroup.ProcessKiller}.
 */
package dev.jcompose.engine.cgroup;
