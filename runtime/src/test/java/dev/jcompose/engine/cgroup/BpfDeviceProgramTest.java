package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the compiled device programs in a small interpreter of the instructions they use, and checks
 * what the kernel's verifier would: every instruction is reachable and every path ends in exit.
 */
class BpfDeviceProgramTest {

    /** Interprets the program for one access; returns R0. */
    static long run(byte[] prog, char type, String access, long major, long minor) {
        ByteBuffer b = ByteBuffer.wrap(prog).order(ByteOrder.LITTLE_ENDIAN);
        long[] ctx = {((long) BpfDeviceProgram.accessMask(access) << 16) | (type == 'b' ? 1 : 2), major, minor};
        long[] r = new long[11];
        int pc = 0;
        for (int steps = 0; steps < 10_000; steps++) {
            int op = b.get(pc * 8) & 0xff;
            int regs = b.get(pc * 8 + 1) & 0xff;
            int dst = regs & 0xf;
            int src = regs >> 4;
            short off = b.getShort(pc * 8 + 2);
            int imm = b.getInt(pc * 8 + 4);
            pc++;
            switch (op) {
                case BpfDeviceProgram.LDX_MEM_W -> {
                    assertEquals(1, src, "loads only from the context");
                    r[dst] = ctx[off / 4] & 0xffffffffL;
                }
                case BpfDeviceProgram.ALU32_AND_K -> r[dst] = (r[dst] & imm) & 0xffffffffL;
                case BpfDeviceProgram.ALU32_RSH_K -> r[dst] = (r[dst] & 0xffffffffL) >>> imm;
                case BpfDeviceProgram.ALU32_MOV_X -> r[dst] = r[src] & 0xffffffffL;
                case BpfDeviceProgram.ALU64_MOV_K -> r[dst] = imm;
                case BpfDeviceProgram.JMP_JNE_K -> {
                    if (r[dst] != (long) imm) {
                        pc += off;
                    }
                }
                case BpfDeviceProgram.JMP_EXIT -> {
                    return r[0];
                }
                default -> throw new AssertionError("unexpected opcode " + Integer.toHexString(op));
            }
        }
        throw new AssertionError("program does not end");
    }

    /** The verifier's "unreachable insn" and "jump out of range" checks. */
    static void assertVerifiable(byte[] prog) {
        int n = prog.length / 8;
        ByteBuffer b = ByteBuffer.wrap(prog).order(ByteOrder.LITTLE_ENDIAN);
        Set<Integer> seen = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(0));
        while (!todo.isEmpty()) {
            int pc = todo.pop();
            assertTrue(pc >= 0 && pc < n, "jump out of range to " + pc);
            if (!seen.add(pc)) {
                continue;
            }
            int op = b.get(pc * 8) & 0xff;
            if (op == BpfDeviceProgram.JMP_EXIT) {
                continue;
            }
            todo.push(pc + 1);
            if (op == BpfDeviceProgram.JMP_JNE_K) {
                todo.push(pc + 1 + b.getShort(pc * 8 + 2));
            }
        }
        assertEquals(n, seen.size(), "unreachable instructions");
    }

    @Test
    void containerDefaultsAllowTheStandardNodesAndNothingElse() {
        byte[] p = BpfDeviceProgram.compile(DeviceRule.containerDefaults());
        assertVerifiable(p);

        assertEquals(1, run(p, 'c', "rw", 1, 3), "/dev/null");
        assertEquals(1, run(p, 'c', "r", 1, 9), "/dev/urandom");
        assertEquals(1, run(p, 'c', "rw", 136, 4), "/dev/pts/4");
        assertEquals(1, run(p, 'c', "rw", 5, 2), "/dev/ptmx");
        assertEquals(1, run(p, 'b', "m", 8, 0), "mknod of any node is allowed");
        assertEquals(0, run(p, 'b', "r", 8, 0), "reading a disk");
        assertEquals(0, run(p, 'c', "rw", 10, 200), "/dev/net/tun");
        assertEquals(0, run(p, 'c', "r", 1, 1), "/dev/mem");
        assertEquals(0, run(p, 'c', "rm", 1, 1), "read and mknod of /dev/mem: read is not allowed");
    }

    @Test
    void laterRulesOverrideEarlierOnesAsInV1() {
        byte[] p = BpfDeviceProgram.compile(List.of(new DeviceRule(true, 'a', -1, -1, "rwm"),
                new DeviceRule(false, 'c', 1, 3, "w")));
        assertVerifiable(p);

        assertEquals(0, run(p, 'c', "w", 1, 3));
        assertEquals(1, run(p, 'c', "r", 1, 3), "the deny covers writing only");
        assertEquals(1, run(p, 'b', "rw", 8, 0));
    }

    @Test
    void withoutACatchAllAnythingUnmatchedIsDenied() {
        byte[] p = BpfDeviceProgram.compile(List.of(DeviceRule.allowChar(1, 3, "r")));
        assertVerifiable(p);

        assertEquals(1, run(p, 'c', "r", 1, 3));
        assertEquals(0, run(p, 'c', "w", 1, 3));
        assertEquals(0, run(p, 'c', "r", 1, 5));
        assertEquals(0, run(p, 'b', "r", 1, 3));
    }

    @Test
    void aCatchAllEndsTheProgram() {
        byte[] denyAllOnly = BpfDeviceProgram.compile(List.of(DeviceRule.denyAll()));
        assertVerifiable(denyAllOnly);
        assertEquals(6 + 2, denyAllOnly.length / 8, "prologue, mov, exit; no unreachable default");
        assertEquals(0, run(denyAllOnly, 'c', "r", 1, 3));

        // rules before a later catch-all can never decide: they are not emitted
        byte[] shadowed = BpfDeviceProgram.compile(List.of(DeviceRule.allowChar(1, 3, "rwm"), DeviceRule.denyAll()));
        assertVerifiable(shadowed);
        assertFalse(run(shadowed, 'c', "r", 1, 3) == 1);
    }
}
