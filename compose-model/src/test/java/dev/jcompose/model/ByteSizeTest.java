package dev.jcompose.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void readsUnitsAsBinaryMultiples() {
        assertEquals(1024L, ByteSize.parse("1024"));
        assertEquals(512L * 1024 * 1024, ByteSize.parse("512m"));
        assertEquals(2L * 1024 * 1024 * 1024, ByteSize.parse("2g"));
        assertEquals(2L * 1024 * 1024 * 1024, ByteSize.parse("2GB"));
        assertEquals(64L * 1024, ByteSize.parse("64k"));
        assertEquals(64L * 1024, ByteSize.parse("64KiB"));
        assertEquals(3L * 1024 * 1024 * 1024 / 2, ByteSize.parse("1.5g"));
        assertEquals(1L << 40, ByteSize.parse("1t"));
        assertEquals(100L, ByteSize.parse("100b"));
        assertEquals(512L * 1024 * 1024, ByteSize.parse("512mi"), "go-units allows the i without the b");
        assertEquals(512L * 1024 * 1024, ByteSize.parse("512 MB"), "and one space before the unit");
    }

    @Test
    void answersMinusOneForWhatIsNotASize() {
        assertEquals(-1, ByteSize.parse("lots"));
        assertEquals(-1, ByteSize.parse("12x"));
        assertEquals(-1, ByteSize.parse("-5m"));
        assertEquals(-1, ByteSize.parse(""));
        assertEquals(-1, ByteSize.parse("5 m b"));
    }
}
