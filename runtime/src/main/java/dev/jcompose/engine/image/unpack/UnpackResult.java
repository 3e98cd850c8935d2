package dev.jcompose.engine.image.unpack;

import dev.jcompose.engine.image.ref.Digest;

/**
 * What applying one layer produced.
 *
 * @param diffId          sha256 of the uncompressed tar stream (to check against the config's {@code rootfs.diff_ids})
 * @param tarBytes        length of the uncompressed tar stream
 * @param entries         tar entries applied
 * @param skippedDevices  device nodes left out because the unpacker may not create them (not root)
 */
public record UnpackResult(Digest diffId, long tarBytes, long entries, long skippedDevices) {
}
