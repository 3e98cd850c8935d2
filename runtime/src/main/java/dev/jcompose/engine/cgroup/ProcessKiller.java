package dev.jcompose.engine.cgroup;

/**
 * Sends SIGKILL to one process. A seam so that unit tests over a fake cgroupfs, whose
 * {@code cgroup.procs} hold made-up PIDs, never signal a real process.
 */
@FunctionalInterface
public interface ProcessKiller {
    /** Kills the process if it still exists; a process that is already gone is not an error. */
    void kill(long pid);

    /** SIGKILL through {@link ProcessHandle#destroyForcibly()} (kill(2) for any process root may signal). */
    static ProcessKiller sigkill() {
        long self = ProcessHandle.current().pid();
        return pid -> {
            if (pid != self) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        };
    }
}
