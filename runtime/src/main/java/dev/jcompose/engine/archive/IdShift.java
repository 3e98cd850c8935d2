package dev.jcompose.engine.archive;

import java.util.function.LongUnaryOperator;

/**
 * How owners change between a tar and the host: a container in a remapped user namespace has its
 * ids 0.. at other host ids, so a copy into it shifts them to the host's and a copy out shifts them
 * back (as dockerd's archive endpoints do under {@code --userns-remap}).
 */
public record IdShift(LongUnaryOperator uid, LongUnaryOperator gid) {
    public static final IdShift NONE = new IdShift(LongUnaryOperator.identity(), LongUnaryOperator.identity());
}
