package dev.jcompose.engine.seccomp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a BPF program with symbolic jump targets: conditional jumps name a label for their true
 * and false branch ({@code null}: the next instruction), resolved to the 8-bit forward offsets
 * classic BPF has. A target more than 255 instructions away is an error, not a silent wrap.
 */
public final class BpfAssembler {
    private record Pending(int code, String trueLabel, String falseLabel, int k) {
    }

    private final List<Pending> code = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private int nextLabel;

    /** A fresh label name, to be placed later with {@link #place}. */
    public String newLabel() {
        return "L" + nextLabel++;
    }

    /** Places {@code label} at the next instruction. */
    public BpfAssembler place(String label) {
        if (labels.putIfAbsent(label, code.size()) != null) {
            throw new IllegalStateException("label " + label + " placed twice");
        }
        return this;
    }

    /** A = the 32-bit word at {@code offset} of seccomp_data. */
    public BpfAssembler load(int offset) {
        code.add(new Pending(BpfInstruction.LD_W_ABS, null, null, offset));
        return this;
    }

    public BpfAssembler and(int k) {
        code.add(new Pending(BpfInstruction.ALU_AND_K, null, null, k));
        return this;
    }

    /** A conditional jump ({@code JMP_JEQ_K}, {@code JMP_JGT_K} …) comparing A with {@code k}. */
    public BpfAssembler jump(int op, int k, String ifTrue, String ifFalse) {
        code.add(new Pending(op, ifTrue, ifFalse, k));
        return this;
    }

    public BpfAssembler ret(int action) {
        code.add(new Pending(BpfInstruction.RET_K, null, null, action));
        return this;
    }

    public int size() {
        return code.size();
    }

    public BpfProgram assemble() {
        List<BpfInstruction> out = new ArrayList<>(code.size());
        for (int i = 0; i < code.size(); i++) {
            Pending p = code.get(i);
            out.add(new BpfInstruction(p.code(), offset(i, p.trueLabel()), offset(i, p.falseLabel()), p.k()));
        }
        return new BpfProgram(out);
    }

    private int offset(int at, String label) {
        if (label == null) {
            return 0;
        }
        Integer target = labels.get(label);
        if (target == null) {
            throw new IllegalStateException("label " + label + " is never placed");
        }
        int offset = target - at - 1;
        if (offset < 0 || offset > 255) {
            throw new IllegalStateException("jump from " + at + " to " + label + " (" + target + ") is out of classic BPF's 0..255 range");
        }
        return offset;
    }
}
