package dev.jcompose.engine.seccomp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compiles a seccomp profile for x86_64 into a classic BPF filter, for the capabilities a container
 * has. The program: a call from another architecture kills the process; an x32-ABI call gets the
 * default action; a call numbered above the table's highest gets ENOSYS (newer than the profile, so
 * libc falls back, as runc does); then, by call number in ascending order, a compare-and-return for
 * each call a rule names (argument conditions compare both 32-bit halves of the 64-bit argument);
 * anything else gets the default action.
 */
public final class SeccompCompiler {
    private static final int ENOSYS = 38;
    private static final int OFFSET_NR = 0;
    private static final int OFFSET_ARCH = 4;
    private static final int OFFSET_ARGS = 16;

    private SeccompCompiler() {
    }

    /** @param capabilities the container's capabilities by name ({@code CAP_SYS_ADMIN} …) */
    public static BpfProgram compile(SeccompProfile profile, Set<String> capabilities) {
        Map<Integer, List<SeccompRule>> byNumber = new TreeMap<>();
        for (SeccompRule rule : profile.rules()) {
            if (!rule.appliesTo(capabilities)) {
                continue;
            }
            for (String name : rule.names()) {
                X86_64Syscalls.number(name).ifPresent(nr -> {
                    List<SeccompRule> list = byNumber.computeIfAbsent(nr, k -> new ArrayList<>());
                    if (list.stream().noneMatch(r -> r.args().isEmpty())) {
                        list.add(rule);
                    }
                });
            }
        }
        int deflt = profile.defaultAction().value();
        BpfAssembler a = new BpfAssembler();
        String archOk = a.newLabel();
        String native64 = a.newLabel();
        String known = a.newLabel();
        a.load(OFFSET_ARCH).jump(BpfInstruction.JMP_JEQ_K, X86_64Syscalls.AUDIT_ARCH, archOk, null)
                .ret(SeccompAction.KILL_PROCESS.value()).place(archOk)
                .load(OFFSET_NR).jump(BpfInstruction.JMP_JGE_K, X86_64Syscalls.X32_SYSCALL_BIT, null, native64)
                .ret(deflt).place(native64)
                .jump(BpfInstruction.JMP_JGT_K, X86_64Syscalls.highest(), null, known)
                .ret(SeccompAction.errno(ENOSYS).value()).place(known);
        byNumber.forEach((nr, rules) -> emitCall(a, nr, rules, deflt));
        a.ret(deflt);
        return a.assemble();
    }

    /** {@code if (nr == call) { rules in order; default }}: A holds the call number on entry and on skipping. */
    private static void emitCall(BpfAssembler a, int nr, List<SeccompRule> rules, int deflt) {
        String after = a.newLabel();
        a.jump(BpfInstruction.JMP_JEQ_K, nr, null, after);
        boolean ended = false;
        for (SeccompRule rule : rules) {
            if (rule.args().isEmpty()) {
                a.ret(rule.action().value());
                ended = true;
                break;
            }
            String next = a.newLabel();
            for (ArgCondition c : rule.args()) {
                emitCondition(a, c, next);
            }
            a.ret(rule.action().value()).place(next);
        }
        if (!ended) {
            a.ret(deflt);
        }
        a.place(after);
    }

    /** Falls through when the condition holds; jumps to {@code fail} when it does not. */
    private static void emitCondition(BpfAssembler a, ArgCondition c, String fail) {
        int lo = OFFSET_ARGS + 8 * c.index();
        int hi = lo + 4;
        switch (c.op()) {
            case EQ -> a.load(lo).jump(BpfInstruction.JMP_JEQ_K, (int) c.value(), null, fail)
                    .load(hi).jump(BpfInstruction.JMP_JEQ_K, (int) (c.value() >>> 32), null, fail);
            case NE -> {
                String pass = a.newLabel();
                a.load(lo).jump(BpfInstruction.JMP_JEQ_K, (int) c.value(), null, pass)
                        .load(hi).jump(BpfInstruction.JMP_JEQ_K, (int) (c.value() >>> 32), fail, null)
                        .place(pass);
            }
            case MASKED_EQ -> {
                a.load(lo).and((int) c.value()).jump(BpfInstruction.JMP_JEQ_K, (int) c.valueTwo(), null, fail);
                a.load(hi).and((int) (c.value() >>> 32)).jump(BpfInstruction.JMP_JEQ_K, (int) (c.valueTwo() >>> 32), null, fail);
            }
        }
    }
}
