package dev.jcompose.engine.proc;

/**
 * The fields of {@code /proc/<pid>/stat} that {@code ps -ef} shows: parent, terminal, CPU ticks and
 * start time (ticks after boot). The command name is between the first {@code (} and the last {@code )}.
 */
public record ProcStat(long pid, String comm, long ppid, int ttyNr, long utime, long stime, long startTicks) {

    public static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        long pid = Long.parseLong(line.substring(0, open).strip());
        String comm = line.substring(open + 1, close);
        // after ")": state(3) ppid(4) pgrp(5) session(6) tty_nr(7) tpgid(8) flags(9) minflt … utime(14) stime(15) … starttime(22)
        String[] f = line.substring(close + 2).split(" ");
        return new ProcStat(pid, comm, Long.parseLong(f[1]), Integer.parseInt(f[4]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                Long.parseLong(f[19]));
    }

    /** ps's TTY column: {@code ?} for none, {@code pts/N}, {@code ttyN}. */
    public String tty() {
        if (ttyNr == 0) {
            return "?";
        }
        int major = (ttyNr >> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        return switch (major) {
            case 136, 137, 138, 139, 140, 141, 142, 143 -> "pts/" + ((major - 136) * 256 + minor);
            case 4 -> "tty" + minor;
            default -> major + ":" + minor;
        };
    }
}
