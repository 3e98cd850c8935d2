package dev.jcompose.engine.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeFormatTest {
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void writesAndReadsAsJavaTimeDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * (long) (random.nextBoolean() ? 1 : 2),
                    random.nextInt(1_000_000_000));
            String text = REFERENCE.format(t);
            assertEquals(text, TimeFormat.rfc3339Nano(t));
            assertEquals(t, TimeFormat.parse(text));
            assertEquals(Instant.parse(text), TimeFormat.parse(text));
        }
        assertEquals("1970-01-01T00:00:00.000000000Z", TimeFormat.rfc3339Nano(Instant.EPOCH));
        assertEquals("2024-02-29T23:59:59.999999999Z", TimeFormat.rfc3339Nano(Instant.parse("2024-02-29T23:59:59.999999999Z")));
    }

    @Test
    void otherFormsAndBadDates() {
        assertEquals(Instant.parse("2026-11-22T10:00:00Z"), TimeFormat.parse("2026-11-22T10:00:00Z"));
        assertEquals(Instant.parse("2026-11-22T10:00:00.5Z"), TimeFormat.parse("2026-11-22T10:00:00.5Z"));
        assertThrows(DateTimeParseException.class, () -> TimeFormat.parse("2026-02-30T10:00:00.000000000Z"));
        assertThrows(DateTimeParseException.class, () -> TimeFormat.parse("2026-11-22T25:00:00.000000000Z"));
        assertThrows(DateTimeParseException.class, () -> TimeFormat.parse("2026-1x-22T10:00:00.000000000Z"));
    }
}
