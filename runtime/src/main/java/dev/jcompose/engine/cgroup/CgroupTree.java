package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Operations on a cgroup and its descendants that both backends share: PIDs, waiting, removal. */
final class CgroupTree {
    static final Duration POLL = Duration.ofMillis(10);
    /** How long an empty cgroup's rmdir may keep failing with EBUSY before the failure is reported. */
    static final Duration RMDIR_BUSY = Duration.ofSeconds(2);

    private CgroupTree() {
    }

    /** PIDs in {@code dir/procsFile} and in every descendant cgroup. */
    static List<Long> pids(CgroupFs fs, Path dir, String procsFile) throws CgroupException {
        List<Long> all = new ArrayList<>(fs.pids(dir, procsFile));
        for (Path child : fs.children(dir)) {
            all.addAll(pids(fs, child, procsFile));
        }
        return all;
    }

    /** Removes {@code dir} and its descendant cgroups, deepest first. */
    static void remove(CgroupFs fs, Path dir) throws CgroupException {
        if (!fs.exists(dir)) {
            return;
        }
        for (Path child : fs.children(dir)) {
            remove(fs, child);
        }
        rmdirRetrying(fs, dir);
    }

    /** Waits until no process is left in {@code dir} or below. */
    static void awaitEmpty(CgroupFs fs, Path dir, String procsFile, Duration timeout) throws CgroupException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> left = pids(fs, dir, procsFile);
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new CgroupException("removing cgroup " + dir + ": " + left.size() + " process(es) still in it after "
                        + timeout.toMillis() + " ms (pids " + left + ")");
            }
            sleep(POLL);
            left = pids(fs, dir, procsFile);
        }
    }

    /** Polls {@code done} until it holds or {@code timeout} passes; returns whether it held. */
    static boolean await(BooleanSupplierWithIo done, Duration timeout) throws CgroupException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(POLL);
        }
        return true;
    }

    /** A condition that reads cgroup files. */
    @FunctionalInterface
    interface BooleanSupplierWithIo {
        boolean getAsBoolean() throws CgroupException;
    }

    /**
     * rmdir, retrying on EBUSY for up to {@link #RMDIR_BUSY}: right after the last process exits the
     * kernel may still hold the cgroup for a moment, longer on a loaded host (as runc's rmdir retries).
     */
    private static void rmdirRetrying(CgroupFs fs, Path dir) throws CgroupException {
        long deadline = System.nanoTime() + RMDIR_BUSY.toNanos();
        while (true) {
            try {
                fs.rmdir(dir);
                return;
            } catch (CgroupException e) {
                if (System.nanoTime() > deadline || !e.getMessage().endsWith("Device or resource busy")) {
                    throw e;
                }
                sleep(POLL);
            }
        }
    }

    static void sleep(Duration d) throws CgroupException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CgroupException("interrupted while waiting on a cgroup", e);
        }
    }
}
