package dev.jcompose.cli.render;

/**
 * Docker's text for a byte count in a progress stream ({@code JSONProgress.String()} of docker's
 * jsonmessage, which docker compose shows beside each layer): a 50-column bar and
 * {@code current/total} in decimal units with 4 significant digits, e.g.
 * {@code [=========>                                         ]  12.35MB/45.6MB}; only the count
 * when the total is unknown; nothing when there is neither.
 */
public final class ProgressBar {
    private static final int WIDTH = 50;

    private ProgressBar() {
    }

    public static String of(long current, long total) {
        if (current <= 0 && total <= 0) {
            return "";
        }
        String now = pad(Humanize.size(Math.max(current, 0), 4));
        if (total <= 0) {
            return now;
        }
        int filled = Math.min(WIDTH, (int) (current * 100.0 / total) / 2);
        String bar = "[" + "=".repeat(filled) + ">" + " ".repeat(WIDTH - filled) + "] ";
        return bar + (current > total ? now : now + "/" + Humanize.size(total, 4));
    }

    /** Right-aligned in 8 columns, as Go's {@code %8v}. */
    private static String pad(String s) {
        return s.length() >= 8 ? s : " ".repeat(8 - s.length()) + s;
    }
}
