package dev.jcompose.engine.cgroup;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import jnr.constants.platform.Errno;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * Loads the program {@link BpfDeviceProgram} compiles ({@code BPF_PROG_LOAD}, type
 * {@code BPF_PROG_TYPE_CGROUP_DEVICE}) and attaches it to the cgroup directory
 * ({@code BPF_PROG_ATTACH}, {@code BPF_CGROUP_DEVICE}) through the bpf(2) system call. It is attached
 * without {@code BPF_F_ALLOW_MULTI}, so installing again replaces the cgroup's previous filter.
 * Needs CAP_SYS_ADMIN (or CAP_BPF), as the engine has.
 */
public final class BpfDeviceFilter implements DeviceFilter {
    private static final int BPF_PROG_LOAD = 5;
    private static final int BPF_PROG_ATTACH = 8;
    private static final int BPF_PROG_TYPE_CGROUP_DEVICE = 15;
    private static final int BPF_CGROUP_DEVICE = 6;
    private static final int O_RDONLY_CLOEXEC = 02000000;
    private static final int ATTR_SIZE = 128;
    private static final int LOG_SIZE = 1 << 16;

    /** The few libc calls this needs. */
    public interface LibC {
        @SaveError
        long syscall(long number, long cmd, Pointer attr, long size);

        @SaveError
        int open(String path, int flags);

        int close(int fd);
    }

    private final LibC libc;
    private final Runtime runtime;
    private final long sysBpf;

    public BpfDeviceFilter() {
        this.libc = LibraryLoader.create(LibC.class).load("c");
        this.runtime = Runtime.getRuntime(libc);
        this.sysBpf = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 321;
            case "aarch64", "arm64" -> 280;
            default -> -1;
        };
    }

    @Override
    public void install(Path cgroupDir, List<DeviceRule> rules) throws CgroupException {
        String what = "installing the eBPF device filter on " + cgroupDir;
        if (sysBpf < 0) {
            throw new CgroupException(what + ": bpf(2) is wired for x86_64 and aarch64 only, not " + System.getProperty("os.arch"));
        }
        byte[] program = BpfDeviceProgram.compile(rules);
        int prog = load(program, what);
        try {
            int cg = libc.open(cgroupDir.toString(), O_RDONLY_CLOEXEC);
            if (cg < 0) {
                throw new CgroupException(what + ": opening the cgroup: " + lastError());
            }
            try {
                Pointer attr = Memory.allocateDirect(runtime, ATTR_SIZE, true);
                attr.putInt(0, cg);               // target_fd
                attr.putInt(4, prog);             // attach_bpf_fd
                attr.putInt(8, BPF_CGROUP_DEVICE); // attach_type
                attr.putInt(12, 0);               // attach_flags: replace, not multi
                if (libc.syscall(sysBpf, BPF_PROG_ATTACH, attr, ATTR_SIZE) < 0) {
                    throw new CgroupException(what + ": BPF_PROG_ATTACH: " + lastError());
                }
            } finally {
                libc.close(cg);
            }
        } finally {
            libc.close(prog); // the attached cgroup keeps its own reference
        }
    }

    private int load(byte[] program, String what) throws CgroupException {
        Pointer insns = Memory.allocateDirect(runtime, program.length, true);
        insns.put(0, program, 0, program.length);
        byte[] licenseBytes = "Apache\0".getBytes(StandardCharsets.US_ASCII);
        Pointer license = Memory.allocateDirect(runtime, licenseBytes.length, true);
        license.put(0, licenseBytes, 0, licenseBytes.length);
        Pointer attr = progLoadAttr(insns, program.length / 8, license);
        long fd = libc.syscall(sysBpf, BPF_PROG_LOAD, attr, ATTR_SIZE);
        if (fd >= 0) {
            Reference.reachabilityFence(insns); // the kernel read them through raw addresses
            Reference.reachabilityFence(license);
            return (int) fd;
        }
        String error = lastError();
        // load again with the verifier's log, to say why
        Pointer log = Memory.allocateDirect(runtime, LOG_SIZE, true);
        Pointer logged = progLoadAttr(insns, program.length / 8, license);
        logged.putInt(24, 1);            // log_level
        logged.putInt(28, LOG_SIZE);     // log_size
        logged.putLong(32, log.address()); // log_buf
        long again = libc.syscall(sysBpf, BPF_PROG_LOAD, logged, ATTR_SIZE);
        Reference.reachabilityFence(insns);
        Reference.reachabilityFence(license);
        if (again >= 0) {
            return (int) again;
        }
        String verifier = log.getString(0, LOG_SIZE, StandardCharsets.US_ASCII).strip().replace('\n', ' ');
        throw new CgroupException(what + ": BPF_PROG_LOAD: " + error + (verifier.isEmpty() ? "" : " (verifier: " + verifier + ")"));
    }

    private Pointer progLoadAttr(Pointer insns, int count, Pointer license) {
        Pointer attr = Memory.allocateDirect(runtime, ATTR_SIZE, true);
        attr.putInt(0, BPF_PROG_TYPE_CGROUP_DEVICE); // prog_type
        attr.putInt(4, count);                       // insn_cnt
        attr.putLong(8, insns.address());            // insns
        attr.putLong(16, license.address());         // license
        return attr;
    }

    private String lastError() {
        int errno = runtime.getLastError();
        Errno e = Errno.valueOf(errno);
        return e == null || e == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : e.description();
    }
}
