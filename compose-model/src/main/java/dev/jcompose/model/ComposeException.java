package dev.jcompose.model;


/**
 * The one error type the model raises for bad input: a compose file, an env file, a flag.
 *
 * <p>Its message is one line, {@code file:line:column path: what is wrong}, for example
 * {@code compose.yaml:12:7 services.web.ports[0]: invalid port "80:abc"}. Parts that are not known
 * are left out. Callers print {@link #getMessage()} and nothing else unless asked for a trace.
 */
public final class ComposeException extends RuntimeException {
    private final Mark mark;
    private final String path;
    private final String reason;

    public ComposeException(Mark mark, String path, String reason) {
        this(mark, path, reason, null);
    }

    public ComposeException(Mark mark, String path, String reason, Throwable cause) {
        super(format(mark, path, reason), cause);
        this.mark = mark;
        this.path = path == null || path.isEmpty() ? null : path;
        this.reason = reason;
    }

    /** An error with no location in a file, e.g. a missing file or a bad flag. */
    public ComposeException(String reason) {
        this(null, null, reason, null);
    }

    /** Where in which file, or null when the error has no location. */
    public Mark mark() {
        return mark;
    }

    /** The YAML path ({@code services.web.ports[0]}), or null. */
    public String path() {
        return path;
    }

    /** What is wrong, without the location prefix. */
    public String reason() {
        return reason;
    }

    private static String format(Mark mark, String path, String reason) {
        StringBuilder sb = new StringBuilder();
        if (mark != null) {
            sb.append(mark);
        }
        if (path != null && !path.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(path);
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        return sb.append(reason).toString();
    }
}
