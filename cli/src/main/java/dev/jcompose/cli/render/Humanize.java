package dev.jcompose.cli.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/** docker/go-units' human forms: sizes in decimal units ({@code 4.26MB}) or binary ones ({@code 48MiB}), and durations ({@code About an hour}). */
public final class Humanize {
    private Humanize() {
    }

    /** {@code HumanSizeWithPrecision(size, 3)}: decimal units, 3 significant digits. */
    public static String size(long bytes) {
        return size(bytes, 3);
    }

    /** {@code HumanSizeWithPrecision(size, digits)}: decimal units, {@code digits} significant digits ({@code HumanSize} is 4). */
    public static String size(long bytes, int digits) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString() + units[u];
    }

    /** {@code BytesSize}: binary units with 4 significant digits ({@code 48MiB}, {@code 1.195MiB}, {@code 0B}). */
    public static String bytesSize(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString() + units[u];
    }

    /** {@code HumanDuration}: {@code Less than a second}, {@code 5 seconds}, {@code About a minute}, {@code 3 hours}, {@code 2 weeks} … */
    public static String duration(Duration d) {
        return dev.jcompose.engine.container.StatusText.humanDuration(d);
    }
}
