package dev.jcompose.engine.shim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a {@link ShimSpec} in the shim's line format (see runtime/src/main/c/spec.c): {@code key value}, escapes {@code \\ \n \t}, fields split by U+001F.
 * A seccomp filter goes beside the spec as {@code <spec>.seccomp} (the sock_filter bytes), named by the {@code seccomp} key.
 */
public final class ShimSpecWriter {
    private static final char FS = '\u001f';

    private ShimSpecWriter() {
    }

    public static void write(ShimSpec s, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        line(sb, "root", s.root().toString());
        if (s.rootfsOverlay() != null) {
            line(sb, "rootfs_overlay", s.rootfsOverlay());
        }
        line(sb, "readonly_root", s.readonlyRoot() ? "1" : "0");
        if (s.hostname() != null) {
            line(sb, "hostname", s.hostname());
        }
        if (s.domainname() != null && !s.domainname().isEmpty()) {
            line(sb, "domainname", s.domainname());
        }
        s.args().forEach(a -> line(sb, "arg", a));
        s.env().forEach(e -> line(sb, "env", e));
        line(sb, "cwd", s.cwd() == null || s.cwd().isEmpty() ? "/" : s.cwd());
        line(sb, "uid", Integer.toString(s.uid()));
        line(sb, "gid", Integer.toString(s.gid()));
        s.additionalGids().forEach(g -> line(sb, "gid_add", Integer.toString(g)));
        line(sb, "caps", Long.toHexString(s.capabilities()));
        line(sb, "no_new_privs", s.noNewPrivileges() ? "1" : "0");
        for (ShimSpec.Mount m : s.mounts()) {
            line(sb, "mount", m.type() + FS + (m.source() == null ? "" : m.source()) + FS + m.destination() + FS
                    + (m.flags().isEmpty() ? "rw" : String.join(",", m.flags())) + FS + (m.data() == null ? "" : m.data()));
        }
        s.rlimits().forEach(r -> line(sb, "rlimit", r.resource() + "" + FS + Long.toUnsignedString(r.soft()) + FS
                + Long.toUnsignedString(r.hard())));
        s.maskedPaths().forEach(p -> line(sb, "masked", p));
        s.readonlyPaths().forEach(p -> line(sb, "readonly", p));
        s.sysctls().forEach(p -> line(sb, "sysctl", p));
        if (s.netns() != null) {
            line(sb, "netns", s.netns().toString());
        }
        line(sb, "new_netns", s.newNetns() ? "1" : "0");
        if (s.oomScoreAdj() != null) {
            line(sb, "oom_score_adj", s.oomScoreAdj().toString());
        }
        line(sb, "log", s.logFile().toString());
        line(sb, "exit", s.exitFile().toString());
        Path filter = seccompFile(file);
        Files.deleteIfExists(filter);
        if (s.seccomp() != null) {
            Path filterTmp = filter.resolveSibling(filter.getFileName() + ".tmp");
            Files.write(filterTmp, s.seccomp().bytes());
            Files.move(filterTmp, filter, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            line(sb, "seccomp", filter.toString());
        }
        if (s.init()) {
            line(sb, "init", "1");
        }
        if (s.logRotation().maxSize() > 0) {
            line(sb, "log_max_size", Long.toString(s.logRotation().maxSize()));
            line(sb, "log_max_files", Integer.toString(s.logRotation().maxFiles()));
        }
        ContainerStdio io = s.stdio();
        if (io.tty()) {
            line(sb, "tty", "1");
            if (io.rows() > 0 && io.cols() > 0) {
                line(sb, "winsize", io.rows() + " " + io.cols());
            }
        }
        if (io.stdinFifo() != null) {
            line(sb, "stdin_fifo", io.stdinFifo().toString());
        }
        if (io.ctlFifo() != null) {
            line(sb, "ctl_fifo", io.ctlFifo().toString());
        }
        if (s.userns() != null) {
            line(sb, "userns", "1");
            s.userns().uidMap().forEach(m -> line(sb, "uid_map", m.containerId() + " " + m.hostId() + " " + m.size()));
            s.userns().gidMap().forEach(m -> line(sb, "gid_map", m.containerId() + " " + m.hostId() + " " + m.size()));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Where the seccomp filter of the spec written to {@code specFile} goes: {@code <specFile>.seccomp}. */
    public static Path seccompFile(Path specFile) {
        return specFile.resolveSibling(specFile.getFileName() + ".seccomp");
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(key).append(' ');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        sb.append('\n');
    }
}
