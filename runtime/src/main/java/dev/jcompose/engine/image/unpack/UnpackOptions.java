package dev.jcompose.engine.image.unpack;

/**
 * How much of a layer's metadata to apply.
 *
 * @param ownership     apply uid/gid from the tar (needs root)
 * @param devices       create char/block device nodes (needs CAP_MKNOD); when false they are skipped and counted
 */
public record UnpackOptions(boolean ownership, boolean devices) {
    /** What the current process may do: everything as root, neither ownership nor devices otherwise. */
    public static UnpackOptions forCurrentUser(NativeFs fs) {
        boolean root = fs.isRoot();
        return new UnpackOptions(root, root);
    }
}
