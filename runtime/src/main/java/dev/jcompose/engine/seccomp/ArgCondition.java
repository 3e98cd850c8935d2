package dev.jcompose.engine.seccomp;

/**
 * A condition on one 64-bit system call argument, as in an OCI/Docker seccomp profile:
 * {@code SCMP_CMP_EQ}, {@code SCMP_CMP_NE}, or {@code SCMP_CMP_MASKED_EQ} ({@code (arg & value) == valueTwo}).
 */
public record ArgCondition(int index, Op op, long value, long valueTwo) {
    public enum Op { EQ, NE, MASKED_EQ }

    public ArgCondition {
        if (index < 0 || index > 5) {
            throw new IllegalArgumentException("a system call has arguments 0 to 5, not " + index);
        }
    }

    public static ArgCondition eq(int index, long value) {
        return new ArgCondition(index, Op.EQ, value, 0);
    }

    public static ArgCondition ne(int index, long value) {
        return new ArgCondition(index, Op.NE, value, 0);
    }

    public static ArgCondition maskedEq(int index, long mask, long value) {
        return new ArgCondition(index, Op.MASKED_EQ, mask, value);
    }

    /** Whether an argument value meets the condition (the meaning the compiled filter must have). */
    public boolean test(long arg) {
        return switch (op) {
            case EQ -> arg == value;
            case NE -> arg != value;
            case MASKED_EQ -> (arg & value) == valueTwo;
        };
    }
}
