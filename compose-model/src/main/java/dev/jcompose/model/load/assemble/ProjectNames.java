package dev.jcompose.model.load.assemble;

import dev.jcompose.model.ComposeException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Project names as docker compose treats them: an explicit name ({@code -p}, {@code COMPOSE_PROJECT_NAME},
 * top-level {@code name:}) must already be valid; a name taken from a directory is normalised
 * (lowercased, characters outside {@code [a-z0-9_-]} dropped, leading {@code _}/{@code -} trimmed).
 */
public final class ProjectNames {
    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

    private ProjectNames() {
    }

    public static String normalize(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (char c : lower.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append(c);
            }
        }
        int start = 0;
        while (start < sb.length() && (sb.charAt(start) == '_' || sb.charAt(start) == '-')) {
            start++;
        }
        return sb.substring(start);
    }

    /** The name unchanged, or an error saying why it is not a valid project name. */
    public static String validate(String name, String source) {
        if (!VALID.matcher(name).matches()) {
            throw new ComposeException("invalid project name \"" + name + "\" (from " + source + "): must consist only of lowercase"
                    + " alphanumeric characters, hyphens, and underscores as well as start with a letter or number");
        }
        return name;
    }
}
