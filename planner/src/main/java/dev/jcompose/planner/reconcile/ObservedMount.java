package dev.jcompose.planner.reconcile;

/**
 * One entry of a container's {@code Mounts} as the engine reports it.
 *
 * @param type        {@code volume}, {@code bind} or {@code tmpfs}
 * @param name        the volume's name ({@code volume} only, else null)
 * @param source      the host path (bind) or the volume's mount point
 * @param destination the path inside the container
 * @param rw          false for a read-only mount
 */
public record ObservedMount(String type, String name, String source, String destination, boolean rw) {
    public boolean isVolume() {
        return "volume".equals(type);
    }
}
