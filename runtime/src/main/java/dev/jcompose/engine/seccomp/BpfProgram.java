package dev.jcompose.engine.seccomp;

import java.nio.ByteBuffer;
import java.util.List;

/** A classic BPF program: the bytes of a {@code sock_filter} array that {@code PR_SET_SECCOMP} installs. */
public record BpfProgram(List<BpfInstruction> instructions) {
    /** The kernel's limit on a filter's length (BPF_MAXINSNS). */
    public static final int MAX_INSTRUCTIONS = 4096;

    public BpfProgram {
        instructions = List.copyOf(instructions);
        if (instructions.isEmpty() || instructions.size() > MAX_INSTRUCTIONS) {
            throw new IllegalArgumentException("a seccomp filter has 1 to " + MAX_INSTRUCTIONS + " instructions, not "
                    + instructions.size());
        }
    }

    public byte[] bytes() {
        ByteBuffer out = ByteBuffer.allocate(instructions.size() * BpfInstruction.SIZE);
        instructions.forEach(i -> i.writeTo(out));
        return out.array();
    }
}
