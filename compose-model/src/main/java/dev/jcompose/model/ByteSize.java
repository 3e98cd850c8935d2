package dev.jcompose.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as compose files write them ({@code 512m}, {@code 2g}, {@code 1.5GB}, {@code 64k}, a plain
 * number of bytes): binary units, as docker's {@code RAMInBytes} reads them.
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?) ?([kmgtp]?)i?b?$");

    private ByteSize() {
    }

    /** The number of bytes, or -1 when {@code text} is not a size. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        double value = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            case "p" -> 1L << 50;
            default -> 1L;
        };
        return (long) (value * unit);
    }
}
