package dev.jcompose.engine.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /proc/<pid>/stat parsing and ps -ef's columns. */
class PsTableTest {
    private static final String STAT = "4242 (sleep (x) y) S 4200 4242 4242 34817 4242 4194560 101 0 0 0 250 50 0 0 20 0 1 0 360000 1679360 "
            + "64 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0";

    @Test
    void statFieldsAreReadAfterTheLastParenthesis() {
        ProcStat s = ProcStat.parse(STAT);
        assertEquals(4242, s.pid());
        assertEquals("sleep (x) y", s.comm());
        assertEquals(4200, s.ppid());
        assertEquals(250, s.utime());
        assertEquals(50, s.stime());
        assertEquals(360000, s.startTicks());
        assertEquals("pts/1", s.tty(), "tty_nr 34817 is major 136, minor 1");
    }

    @Test
    void aRowHasPsEfColumns() {
        Instant boot = Instant.parse("2026-12-01T08:00:00Z");
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        List<String> row = PsTable.row(ProcStat.parse(STAT), 65534, "sleep\0" + "60", boot, now, ZoneOffset.UTC,
                uid -> uid == 65534 ? "nobody" : Long.toString(uid));
        // started 3600 s after boot (360000 ticks), 3 s of CPU in 3600 s: C = 0
        assertEquals(List.of("nobody", "4242", "4200", "0", "09:00", "pts/1", "00:00:03", "sleep 60"), row);
        assertEquals("[kworker]", PsTable.row(ProcStat.parse(STAT.replace("(sleep (x) y)", "(kworker)")), 0, "", boot, now, ZoneOffset.UTC,
                Long::toString).get(7));
    }

    @Test
    void timesAsPsPrintsThem() {
        assertEquals("00:01:05", PsTable.time(65));
        assertEquals("2-01:00:00", PsTable.time(2 * 86400 + 3600));
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals("Nov30", PsTable.stime(Instant.parse("2026-11-30T10:00:00Z"), now, ZoneOffset.UTC));
        assertEquals("2025", PsTable.stime(Instant.parse("2025-11-30T10:00:00Z"), now, ZoneOffset.UTC));
    }
}
