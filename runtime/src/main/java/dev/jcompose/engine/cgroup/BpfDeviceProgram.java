package dev.jcompose.engine.cgroup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles device rules into the eBPF program cgroup v2 runs on every device access
 * ({@code BPF_PROG_TYPE_CGROUP_DEVICE}): it gets {@code struct bpf_cgroup_dev_ctx {u32 access_type;
 * u32 major; u32 minor;}} (access_type = access << 16 | type) and returns 1 to allow, 0 to deny.
 *
 * <p>Rules are tested from the last to the first, and the first that matches decides, which gives
 * the same answer as writing them in order to v1's {@code devices.allow}/{@code devices.deny}. A
 * rule that matches everything ends the program (the verifier refuses unreachable code); without
 * one, anything unmatched is denied.
 */
public final class BpfDeviceProgram {
    /** Type numbers in access_type's low half. */
    static final int DEV_BLOCK = 1;
    static final int DEV_CHAR = 2;
    /** Access bits in access_type's high half. */
    static final int ACC_MKNOD = 1;
    static final int ACC_READ = 2;
    static final int ACC_WRITE = 4;

    // opcodes (linux/bpf_common.h, linux/bpf.h)
    static final int LDX_MEM_W = 0x61;
    static final int ALU32_AND_K = 0x54;
    static final int ALU32_RSH_K = 0x74;
    static final int ALU32_MOV_X = 0xbc;
    static final int JMP_JNE_K = 0x55;
    static final int ALU64_MOV_K = 0xb7;
    static final int JMP_EXIT = 0x95;

    private static final int R0 = 0;
    private static final int R1 = 1;
    private static final int R2 = 2;
    private static final int R3 = 3;
    private static final int R4 = 4;
    private static final int R5 = 5;

    private final List<long[]> insns = new ArrayList<>();

    private BpfDeviceProgram() {
    }

    /** The program's instructions, 8 bytes each, in the host's (little-endian) byte order. */
    public static byte[] compile(List<DeviceRule> rules) {
        BpfDeviceProgram p = new BpfDeviceProgram();
        p.prologue();
        boolean ended = false;
        for (int i = rules.size() - 1; i >= 0 && !ended; i--) {
            ended = p.rule(rules.get(i));
        }
        if (!ended) {
            p.emit(ALU64_MOV_K, R0, 0, 0, 0);
            p.emit(JMP_EXIT, 0, 0, 0, 0);
        }
        return p.bytes();
    }

    /** R2 = type, R3 = access, R4 = major, R5 = minor. */
    private void prologue() {
        emit(LDX_MEM_W, R2, R1, 0, 0);
        emit(ALU32_AND_K, R2, 0, 0, 0xFFFF);
        emit(LDX_MEM_W, R3, R1, 0, 0);
        emit(ALU32_RSH_K, R3, 0, 0, 16);
        emit(LDX_MEM_W, R4, R1, 4, 0);
        emit(LDX_MEM_W, R5, R1, 8, 0);
    }

    /** One rule's block; returns whether it matches every access (and so ends the program). */
    private boolean rule(DeviceRule r) {
        int mask = accessMask(r.access());
        List<int[]> checks = new ArrayList<>(); // {opcode, dst, src, imm} of the tests; each jumps past the block
        if (r.type() != 'a') {
            checks.add(new int[] {JMP_JNE_K, R2, 0, r.type() == 'b' ? DEV_BLOCK : DEV_CHAR});
        }
        if (mask != 7) {
            // the asked access must be within the rule's: (access & ~mask) == 0
            checks.add(new int[] {ALU32_MOV_X, R1, R3, 0});
            checks.add(new int[] {ALU32_AND_K, R1, 0, ~mask & 7});
            checks.add(new int[] {JMP_JNE_K, R1, 0, 0});
        }
        if (r.major() >= 0) {
            checks.add(new int[] {JMP_JNE_K, R4, 0, (int) r.major()});
        }
        if (r.minor() >= 0) {
            checks.add(new int[] {JMP_JNE_K, R5, 0, (int) r.minor()});
        }
        int blockLength = checks.size() + 2;
        for (int i = 0; i < checks.size(); i++) {
            int[] c = checks.get(i);
            int offset = c[0] == JMP_JNE_K ? blockLength - i - 1 : 0;
            emit(c[0], c[1], c[2], offset, c[3]);
        }
        emit(ALU64_MOV_K, R0, 0, 0, r.allow() ? 1 : 0);
        emit(JMP_EXIT, 0, 0, 0, 0);
        return checks.isEmpty();
    }

    static int accessMask(String access) {
        int m = 0;
        if (access.indexOf('m') >= 0) {
            m |= ACC_MKNOD;
        }
        if (access.indexOf('r') >= 0) {
            m |= ACC_READ;
        }
        if (access.indexOf('w') >= 0) {
            m |= ACC_WRITE;
        }
        return m;
    }

    private void emit(int opcode, int dst, int src, int offset, int imm) {
        insns.add(new long[] {opcode, dst, src, offset, imm});
    }

    private byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] i : insns) {
            b.put((byte) i[0]);
            b.put((byte) ((i[2] << 4) | i[1])); // src in the high nibble, dst in the low one
            b.putShort((short) i[3]);
            b.putInt((int) i[4]);
        }
        return b.array();
    }
}
