package dev.jcompose.engine.seccomp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Docker's default profile compiled to BPF, checked by running the program on sample calls. */
class SeccompCompilerTest {
    private static final int ALLOW = 0x7fff0000;
    private static final int EPERM = 0x00050001;
    private static final int ENOSYS = 0x00050026;
    private static final int KILL_PROCESS = 0x80000000;
    private static final int ARCH = X86_64Syscalls.AUDIT_ARCH;
    private static final Set<String> DEFAULT_CAPS = Set.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD",
            "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT",
            "CAP_KILL", "CAP_AUDIT_WRITE");
    private static final BpfProgram DEFAULT = SeccompCompiler.compile(DockerSeccompProfile.profile(), DEFAULT_CAPS);

    private static int call(BpfProgram p, String name, long... args) {
        return BpfInterpreter.run(p, X86_64Syscalls.number(name).orElseThrow(), ARCH, args);
    }

    @Test
    void everydayCallsAreAllowed() {
        for (String name : List.of("read", "write", "openat", "close", "mmap", "execve", "wait4", "rt_sigaction", "exit_group",
                "arch_prctl", "getdents64", "statx", "chroot", "rseq", "ptrace")) {
            assertEquals(ALLOW, call(DEFAULT, name), name);
        }
    }

    @Test
    void escapeCallsFailWithEperm() {
        for (String name : List.of("mount", "umount2", "unshare", "setns", "keyctl", "add_key", "request_key", "init_module",
                "finit_module", "reboot", "kexec_load", "open_by_handle_at", "bpf", "perf_event_open", "pivot_root", "swapon",
                "sethostname", "iopl", "userfaultfd", "move_mount", "settimeofday")) {
            assertEquals(EPERM, call(DEFAULT, name), name);
        }
    }

    @Test
    void cloneIsAllowedOnlyWithoutNamespaceFlags() {
        assertEquals(ALLOW, call(DEFAULT, "clone", 17 /* SIGCHLD */));
        assertEquals(ALLOW, call(DEFAULT, "clone", 0x003d0f00L /* pthread_create's flags */));
        assertEquals(EPERM, call(DEFAULT, "clone", 0x20000L | 17 /* CLONE_NEWNS */));
        assertEquals(EPERM, call(DEFAULT, "clone", 0x10000000L /* CLONE_NEWUSER */));
        assertEquals(EPERM, call(DEFAULT, "clone", 0x40000000L /* CLONE_NEWNET */));
        assertEquals(ENOSYS, call(DEFAULT, "clone3"), "clone3 gets ENOSYS so libc falls back to clone");
    }

    @Test
    void personalityOnlyForDockersValues() {
        for (long v : new long[] {0, 8, 0x20000, 0x20008, 0xffffffffL}) {
            assertEquals(ALLOW, call(DEFAULT, "personality", v), Long.toHexString(v));
        }
        assertEquals(EPERM, call(DEFAULT, "personality", 0x0400000 /* READ_IMPLIES_EXEC */));
        assertEquals(EPERM, call(DEFAULT, "personality", 0x1_0000_0008L), "the high half of the argument counts");
    }

    @Test
    void socketExceptVsock() {
        assertEquals(ALLOW, call(DEFAULT, "socket", 2 /* AF_INET */));
        assertEquals(ALLOW, call(DEFAULT, "socket", 1 /* AF_UNIX */));
        assertEquals(EPERM, call(DEFAULT, "socket", 40 /* AF_VSOCK */));
        assertEquals(ALLOW, call(DEFAULT, "socket", 0x1_0000_0028L), "NE compares all 64 bits");
    }

    @Test
    void addedCapabilitiesBringTheirCalls() {
        BpfProgram admin = SeccompCompiler.compile(DockerSeccompProfile.profile(), plus("CAP_SYS_ADMIN"));
        assertEquals(ALLOW, call(admin, "mount"));
        assertEquals(ALLOW, call(admin, "unshare"));
        assertEquals(ALLOW, call(admin, "clone", 0x20000L | 17));
        assertEquals(ALLOW, call(admin, "clone3"));
        assertEquals(EPERM, call(admin, "reboot"));
        assertEquals(ALLOW, call(SeccompCompiler.compile(DockerSeccompProfile.profile(), plus("CAP_SYS_BOOT")), "reboot"));
        assertEquals(ALLOW, call(SeccompCompiler.compile(DockerSeccompProfile.profile(), plus("CAP_SYS_MODULE")), "finit_module"));
        assertEquals(ALLOW, call(SeccompCompiler.compile(DockerSeccompProfile.profile(), plus("CAP_SYS_TIME")), "settimeofday"));
        assertEquals(ALLOW, call(SeccompCompiler.compile(DockerSeccompProfile.profile(), plus("CAP_DAC_READ_SEARCH")),
                "open_by_handle_at"));
        Set<String> noChroot = new java.util.HashSet<>(DEFAULT_CAPS);
        noChroot.remove("CAP_SYS_CHROOT");
        assertEquals(EPERM, call(SeccompCompiler.compile(DockerSeccompProfile.profile(), noChroot), "chroot"), "cap_drop SYS_CHROOT");
    }

    @Test
    void otherArchitecturesAndAbisAndNewerCalls() {
        assertEquals(KILL_PROCESS, BpfInterpreter.run(DEFAULT, 0, 0x40000003 /* AUDIT_ARCH_I386 */));
        assertEquals(EPERM, BpfInterpreter.run(DEFAULT, X86_64Syscalls.X32_SYSCALL_BIT, ARCH), "x32 ABI");
        assertEquals(ENOSYS, BpfInterpreter.run(DEFAULT, X86_64Syscalls.highest() + 1, ARCH));
        assertEquals(EPERM, BpfInterpreter.run(DEFAULT, X86_64Syscalls.highest(), ARCH), "set_mempolicy_home_node needs CAP_SYS_NICE");
    }

    @Test
    void everyCallAgreesWithADirectReadingOfTheRules() {
        SeccompProfile profile = DockerSeccompProfile.profile();
        long[][] samples = {{0}, {17}, {0x20011}, {40}, {8}, {0xffffffffL}, {0x1_0000_0000L}};
        for (Set<String> caps : List.of(DEFAULT_CAPS, plus("CAP_SYS_ADMIN"), plus("CAP_SYS_PTRACE"))) {
            BpfProgram program = SeccompCompiler.compile(profile, caps);
            for (int nr = 0; nr <= X86_64Syscalls.highest(); nr++) {
                for (long[] args : samples) {
                    assertEquals(expected(profile, caps, nr, args), BpfInterpreter.run(program, nr, ARCH, args),
                            "call " + nr + " args " + Arrays.toString(args) + " caps " + caps.size());
                }
            }
        }
    }

    /** The first rule that applies to the caps, names the call and whose conditions hold decides; else the default. */
    private static int expected(SeccompProfile profile, Set<String> caps, int nr, long[] args) {
        for (SeccompRule rule : profile.rules()) {
            boolean names = rule.names().stream().anyMatch(n -> X86_64Syscalls.number(n).orElse(-1) == nr);
            if (names && rule.appliesTo(caps) && rule.args().stream().allMatch(c -> c.test(c.index() < args.length ? args[c.index()] : 0))) {
                return rule.action().value();
            }
        }
        return profile.defaultAction().value();
    }

    @Test
    void bytesAreSockFilterStructs() {
        byte[] bytes = DEFAULT.bytes();
        assertEquals(DEFAULT.instructions().size() * 8, bytes.length);
        // ld [4] (the arch): code 0x20, jt 0, jf 0, k 4
        assertArrayEquals(new byte[] {0x20, 0, 0, 0, 4, 0, 0, 0}, Arrays.copyOf(bytes, 8));
        assertTrue(DEFAULT.instructions().size() < BpfProgram.MAX_INSTRUCTIONS, "size " + DEFAULT.instructions().size());
    }

    @Test
    void aJumpBeyondClassicBpfRangeIsRefused() {
        BpfAssembler a = new BpfAssembler();
        String far = a.newLabel();
        a.load(0).jump(BpfInstruction.JMP_JEQ_K, 1, far, null);
        for (int i = 0; i < 300; i++) {
            a.ret(0);
        }
        a.place(far).ret(0);
        assertThrows(IllegalStateException.class, a::assemble);
    }

    private static Set<String> plus(String cap) {
        Set<String> s = new java.util.HashSet<>(DEFAULT_CAPS);
        s.add(cap);
        return s;
    }
}
