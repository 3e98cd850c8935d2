package dev.jcompose.engine.shim;

import java.util.Locale;
import java.util.Map;

/**
 * json-file log rotation from {@code logging.options} as Docker reads them: {@code max-size} (a size
 * with an optional k/m/g unit, 1024-based; unset or -1: never rotate) and {@code max-file} (how many
 * files are kept, the live one included; default 1, which truncates the live file).
 */
public record LogRotation(long maxSize, int maxFiles) {
    public static final LogRotation NONE = new LogRotation(0, 1);

    public LogRotation {
        if (maxSize < 0) {
            throw new IllegalArgumentException("max-size must be positive: " + maxSize);
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("max-file cannot be less than 1");
        }
    }

    /** From a json-file log driver's options ({@code null}: none). */
    public static LogRotation fromOptions(Map<String, String> options) {
        if (options == null) {
            return NONE;
        }
        String size = options.get("max-size");
        String files = options.get("max-file");
        long maxSize = size == null || size.equals("-1") ? 0 : parseSize(size);
        int maxFiles;
        try {
            maxFiles = files == null ? 1 : Integer.parseInt(files.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid max-file \"" + files + "\": not a number");
        }
        if (maxFiles > 1 && maxSize == 0) {
            throw new IllegalArgumentException("max-file \"" + files + "\" requires max-size to be set");
        }
        return new LogRotation(maxSize, maxFiles);
    }

    private static long parseSize(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int end = t.length();
        while (end > 0 && Character.isLetter(t.charAt(end - 1))) {
            end--;
        }
        String unit = t.substring(end).replace("ib", "").replace("b", "");
        long factor = switch (unit) {
            case "" -> 1;
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            default -> throw new IllegalArgumentException("invalid max-size \"" + text + "\": unknown unit");
        };
        try {
            double n = Double.parseDouble(t.substring(0, end).strip());
            if (n <= 0) {
                throw new IllegalArgumentException("invalid max-size \"" + text + "\": must be positive");
            }
            return (long) (n * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid max-size \"" + text + "\": not a size");
        }
    }
}
