package dev.jcompose.cli.compose;

import java.time.Instant;

/**
 * Where a container's log has been read up to, so a follow that re-attaches (after a restart, or
 * when a stream ended while the container came back) neither drops nor repeats a line: the next
 * stream asks the engine for lines {@code since} the last time stamp seen (inclusive), and the
 * lines at exactly that time that were already printed are skipped.
 */
public final class LogCursor {
    private Instant last;
    private int atLast;
    private Instant floor;
    private int skipAtFloor;

    /** True when the line at {@code time} is new and should be printed; lines without a time are always new. */
    public synchronized boolean accept(Instant time) {
        if (time == null) {
            return true;
        }
        if (floor != null) {
            if (time.isBefore(floor)) {
                return false;
            }
            if (time.equals(floor) && skipAtFloor > 0) {
                skipAtFloor--;
                return false;
            }
            floor = null;
        }
        if (time.equals(last)) {
            atLast++;
        } else {
            last = time;
            atLast = 1;
        }
        return true;
    }

    /** Starts a re-read: returns the engine's {@code since} for it ({@code fallback} when nothing was seen yet). */
    public synchronized Instant resume(Instant fallback) {
        if (last == null) {
            return fallback;
        }
        floor = last;
        skipAtFloor = atLast;
        return last;
    }
}
