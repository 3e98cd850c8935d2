package dev.jcompose.engine.cgroup;

/**
 * A limit on one huge page size.
 *
 * @param pageSize the size as the kernel names it in file names: {@code 2MB}, {@code 1GB}, {@code 64KB}
 * @param limit    bytes of huge pages of that size
 */
public record HugepageLimit(String pageSize, long limit) {
    public HugepageLimit {
        if (!pageSize.matches("\\d+[KMG]B")) {
            throw new IllegalArgumentException("invalid huge page size \"" + pageSize + "\": expected e.g. 2MB or 1GB");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("invalid huge page limit " + limit + " for " + pageSize);
        }
    }
}
