package dev.jcompose.cli.compose;

/**
 * One side of {@code cp}: {@code SERVICE:PATH} (a container path) or a local path ({@code -} for a tar on
 * stdin/stdout). As the docker CLI splits them: an absolute or {@code ./} path is local even with a colon.
 *
 * @param service the service, or null for a local path
 */
public record CopyTarget(String service, String path) {
    public static CopyTarget parse(String arg) {
        if (arg.startsWith("/") || arg.startsWith(".") || !arg.contains(":")) {
            return new CopyTarget(null, arg);
        }
        int colon = arg.indexOf(':');
        return new CopyTarget(arg.substring(0, colon), arg.substring(colon + 1));
    }

    public boolean local() {
        return service == null;
    }

    /** {@code dir/.}: the directory's content rather than the directory. */
    public boolean contentsOnly() {
        return path.endsWith("/.") || path.equals(".");
    }

    /** The path without a trailing {@code /.} (and without trailing slashes, except the root). */
    public String cleanPath() {
        String p = contentsOnly() ? path.substring(0, path.length() - 1) : path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "." : p;
    }

    /** The last element of the clean path. */
    public String baseName() {
        String p = cleanPath();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The directory holding the clean path ({@code /} or {@code .} at the top). */
    public String parent() {
        String p = cleanPath();
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : p.substring(0, slash);
    }
}
