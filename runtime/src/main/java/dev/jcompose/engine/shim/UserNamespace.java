package dev.jcompose.engine.shim;

import java.util.List;

/**
 * A user namespace for a container, as OCI's {@code linux.uidMappings}/{@code gidMappings}: the shim
 * clones with {@code CLONE_NEWUSER} and writes these maps before the engine's {@code go}.
 */
public record UserNamespace(List<IdMapping> uidMap, List<IdMapping> gidMap) {
    /** One line of {@code /proc/PID/uid_map}: ids {@code containerId..+size} inside are {@code hostId..+size} outside. */
    public record IdMapping(long containerId, long hostId, long size) {
        public IdMapping {
            if (containerId < 0 || hostId < 0 || size <= 0 || hostId + size > 1L << 32) {
                throw new IllegalArgumentException("invalid id mapping " + containerId + " " + hostId + " " + size);
            }
        }
    }

    public UserNamespace {
        uidMap = List.copyOf(uidMap);
        gidMap = List.copyOf(gidMap);
        if (uidMap.isEmpty() || gidMap.isEmpty()) {
            throw new IllegalArgumentException("a user namespace needs a uid and a gid mapping");
        }
    }

    /** Container ids 0..size-1 as host ids uid.. and gid.. (dockerd's --userns-remap ranges). */
    public static UserNamespace of(long uid, long gid, long size) {
        return new UserNamespace(List.of(new IdMapping(0, uid, size)), List.of(new IdMapping(0, gid, size)));
    }

    /** The host uid of the container's root, -1 when root is not mapped. */
    public long hostUid(long containerUid) {
        return hostId(uidMap, containerUid);
    }

    public long hostGid(long containerGid) {
        return hostId(gidMap, containerGid);
    }

    /** The container's id of a host uid, -1 when the namespace does not map it (it shows as the overflow id, 65534). */
    public long containerUid(long hostUid) {
        return containerId(uidMap, hostUid);
    }

    public long containerGid(long hostGid) {
        return containerId(gidMap, hostGid);
    }

    private static long containerId(List<IdMapping> maps, long id) {
        for (IdMapping m : maps) {
            if (id >= m.hostId() && id < m.hostId() + m.size()) {
                return m.containerId() + id - m.hostId();
            }
        }
        return -1;
    }

    private static long hostId(List<IdMapping> maps, long id) {
        for (IdMapping m : maps) {
            if (id >= m.containerId() && id < m.containerId() + m.size()) {
                return m.hostId() + id - m.containerId();
            }
        }
        return -1;
    }
}
