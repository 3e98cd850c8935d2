package dev.jcompose.engine.seccomp;

import java.util.List;

/** Runs a seccomp BPF program on one {@code seccomp_data} the way the kernel does (the opcodes the compiler emits). */
final class BpfInterpreter {
    private BpfInterpreter() {
    }

    /** The filter's verdict for call {@code nr} on {@code arch} with these 64-bit arguments. */
    static int run(BpfProgram program, int nr, int arch, long... args) {
        int[] data = new int[16];
        data[0] = nr;
        data[1] = arch;
        for (int i = 0; i < args.length; i++) {
            data[4 + 2 * i] = (int) args[i];
            data[5 + 2 * i] = (int) (args[i] >>> 32);
        }
        List<BpfInstruction> code = program.instructions();
        int acc = 0;
        int pc = 0;
        while (true) {
            BpfInstruction in = code.get(pc);
            switch (in.code()) {
                case BpfInstruction.LD_W_ABS -> {
                    if (in.k() % 4 != 0 || in.k() < 0 || in.k() >= 64) {
                        throw new IllegalStateException("load outside seccomp_data at " + pc);
                    }
                    acc = data[in.k() / 4];
                    pc++;
                }
                case BpfInstruction.ALU_AND_K -> {
                    acc &= in.k();
                    pc++;
                }
                case BpfInstruction.JMP_JA -> pc += 1 + in.k();
                case BpfInstruction.JMP_JEQ_K -> pc += 1 + (acc == in.k() ? in.jt() : in.jf());
                case BpfInstruction.JMP_JGT_K -> pc += 1 + (Integer.compareUnsigned(acc, in.k()) > 0 ? in.jt() : in.jf());
                case BpfInstruction.JMP_JGE_K -> pc += 1 + (Integer.compareUnsigned(acc, in.k()) >= 0 ? in.jt() : in.jf());
                case BpfInstruction.JMP_JSET_K -> pc += 1 + ((acc & in.k()) != 0 ? in.jt() : in.jf());
                case BpfInstruction.RET_K -> {
                    return in.k();
                }
                default -> throw new IllegalStateException("unknown opcode " + in.code() + " at " + pc);
            }
            if (pc >= code.size()) {
                throw new IllegalStateException("ran off the end of the program");
            }
        }
    }
}
