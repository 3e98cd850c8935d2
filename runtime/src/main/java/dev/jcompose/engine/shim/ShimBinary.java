package dev.jcompose.engine.shim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the shim binary is: {@code -Djcompose.shim=PATH} (tests, development), else the copy packaged
 * in the jar, installed once under {@code <root>/bin/jcompose-shim-<hash>} (so an upgrade never
 * replaces a binary running containers use).
 */
public final class ShimBinary {
    private static final String RESOURCE = "jcompose-shim";

    private ShimBinary() {
    }

    public static Path locate(Path stateRoot) throws IOException {
        String override = System.getProperty("jcompose.shim");
        if (override != null && !override.isEmpty()) {
            return Path.of(override);
        }
        byte[] bytes;
        try (InputStream in = ShimBinary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("jcompose-shim is not packaged in this build; rebuild with mvn package (needs a C compiler)");
            }
            bytes = in.readAllBytes();
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        Path target = stateRoot.resolve("bin").resolve("jcompose-shim-" + hash);
        if (!Files.isExecutable(target)) {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "shim", ".tmp");
            Files.write(tmp, bytes);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
