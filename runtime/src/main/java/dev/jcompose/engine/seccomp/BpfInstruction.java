package dev.jcompose.engine.seccomp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One classic BPF instruction ({@code struct sock_filter}: u16 code, u8 jt, u8 jf, u32 k), as the
 * kernel's seccomp filter takes it. The opcodes are the few a seccomp filter needs.
 */
public record BpfInstruction(int code, int jt, int jf, int k) {
    public static final int LD_W_ABS = 0x20;
    public static final int ALU_AND_K = 0x54;
    public static final int JMP_JA = 0x05;
    public static final int JMP_JEQ_K = 0x15;
    public static final int JMP_JGT_K = 0x25;
    public static final int JMP_JGE_K = 0x35;
    public static final int JMP_JSET_K = 0x45;
    public static final int RET_K = 0x06;
    public static final int SIZE = 8;

    public BpfInstruction {
        if (code < 0 || code > 0xffff || jt < 0 || jt > 255 || jf < 0 || jf > 255) {
            throw new IllegalArgumentException("BPF instruction out of range: code " + code + " jt " + jt + " jf " + jf);
        }
    }

    /** The 8 bytes of {@code struct sock_filter} in the host's (little-endian, x86_64) order. */
    void writeTo(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN).putShort((short) code).put((byte) jt).put((byte) jf).putInt(k);
    }
}
