package dev.jcompose.engine.proc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/** {@code ps -ef}'s columns ({@code UID PID PPID C STIME TTY TIME CMD}) computed from {@code /proc} values. */
public final class PsTable {
    public static final List<String> TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
    private static final long HZ = 100;

    private PsTable() {
    }

    /**
     * One row. {@code bootTime} is {@code btime} of /proc/stat, {@code now} the current time, {@code userName} maps uids
     * to names (a number when unknown), {@code cmdline} the NUL-separated arguments (empty for kernel threads).
     */
    public static List<String> row(ProcStat s, long uid, String cmdline, Instant bootTime, Instant now, ZoneId zone,
                                   LongFunction<String> userName) {
        long cpuTicks = s.utime() + s.stime();
        Instant started = bootTime.plusMillis(s.startTicks() * 1000 / HZ);
        long elapsedMillis = Math.max(0, now.toEpochMilli() - started.toEpochMilli());
        long c = elapsedMillis == 0 ? 0 : cpuTicks * 1000 / HZ * 100 / elapsedMillis;
        String cmd = cmdline.isEmpty() ? "[" + s.comm() + "]" : String.join(" ", cmdline.split("\0"));
        return List.of(userName.apply(uid), Long.toString(s.pid()), Long.toString(s.ppid()), Long.toString(c),
                stime(started, now, zone), s.tty(), time(cpuTicks / HZ), cmd);
    }

    /** ps's STIME: {@code HH:MM} today, {@code MonDD} this year, else the year. */
    static String stime(Instant started, Instant now, ZoneId zone) {
        ZonedDateTime s = started.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (s.toLocalDate().equals(today)) {
            return DateTimeFormatter.ofPattern("HH:mm").format(s);
        }
        if (s.getYear() == today.getYear()) {
            return DateTimeFormatter.ofPattern("MMMdd", Locale.ENGLISH).format(s);
        }
        return Integer.toString(s.getYear());
    }

    /** ps's TIME: {@code [DD-]HH:MM:SS} of CPU time. */
    static String time(long seconds) {
        long days = seconds / 86400;
        String hms = String.format("%02d:%02d:%02d", seconds % 86400 / 3600, seconds % 3600 / 60, seconds % 60);
        return days > 0 ? days + "-" + hms : hms;
    }
}
