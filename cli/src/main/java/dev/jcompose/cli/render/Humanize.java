package dev.jcompose.cli.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/** docker/go-units' human forms: sizes in decimal units ({@code 4.26MB}) and durations ({@code About an hour}). */
public final class Humanize {
    private Humanize() {
    }

    /** {@code HumanSizeWithPrecision(size, 3)}: decimal units, 3 significant digits. */
    public static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString() + units[u];
    }

    /** {@code HumanDuration}: {@code Less than a second}, {@code 5 seconds}, {@code About a minute}, {@code 3 hours}, {@code 2 weeks} … */
    public static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = d.toHours();
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return hours / 24 / 365 + " years";
    }
}
