package dev.jcompose.engine.cgroup;

/** Checks and normalises a container's cgroup path ({@code jcompose/abc}, or a compose {@code cgroup_parent} plus the id). */
final class CgroupPaths {
    private CgroupPaths() {
    }

    /**
     * The path without leading or trailing slashes. Refuses the root cgroup (killing or removing it
     * would hit the whole host), empty segments, {@code .} and {@code ..}.
     */
    static String normalize(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            throw new IllegalArgumentException("invalid cgroup path \"" + path + "\": the root cgroup cannot be a container's cgroup");
        }
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\n")) {
                throw new IllegalArgumentException("invalid cgroup path \"" + path + "\": bad segment \"" + segment + "\"");
            }
        }
        return p;
    }
}
