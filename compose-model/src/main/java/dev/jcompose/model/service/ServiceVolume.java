package dev.jcompose.model.service;

/**
 * A mount of a service: {@code type} bind, volume, tmpfs, npipe, image or cluster; {@code source}
 * (absolute path for binds, volume key for volumes, null for anonymous volumes and tmpfs).
 */
public record ServiceVolume(String type, String source, String target, boolean readOnly, String consistency,
                            Bind bind, Volume volume, Tmpfs tmpfs) {

    public record Bind(String propagation, boolean createHostPath, String selinux) {
    }

    public record Volume(boolean nocopy, String subpath) {
    }

    /** {@code size} in bytes (0 = default), {@code mode} as octal number or 0. */
    public record Tmpfs(long size, int mode) {
    }
}
