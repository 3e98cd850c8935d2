package dev.jcompose.planner.reconcile;

/**
 * One of a service's {@code volumes} as far as reconciling needs it.
 *
 * @param type   {@code volume}, {@code bind}, {@code tmpfs} …
 * @param source the volume's engine name ({@code <project>_<key>} or its {@code name:}), the bind's host path, or
 *               null for an anonymous volume
 * @param target the path inside the container
 */
public record DesiredMount(String type, String source, String target) {
    public static DesiredMount anonymous(String target) {
        return new DesiredMount("volume", null, target);
    }

    public boolean isNamedVolume() {
        return "volume".equals(type) && source != null && !source.isEmpty();
    }

    public boolean isAnonymousVolume() {
        return "volume".equals(type) && (source == null || source.isEmpty());
    }
}
