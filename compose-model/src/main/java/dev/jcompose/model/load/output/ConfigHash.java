package dev.jcompose.model.load.output;

import dev.jcompose.model.load.YMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The service config hash docker compose stores in the {@code com.docker.compose.config-hash}
 * label and prints with {@code config --hash}: sha256 (hex) of the service's JSON as Go encodes it,
 * after removing what does not change its containers — {@code build}, {@code pull_policy},
 * {@code scale}, {@code deploy.replicas}, {@code depends_on} and {@code profiles} (docker compose's
 * {@code ServiceHash}). The input is a service of a normalised tree, so the hash does not depend on
 * how the file was written (short or long syntax, key order).
 */
public final class ConfigHash {
    private ConfigHash() {
    }

    public static String of(YMap normalisedService) {
        YMap s = normalisedService.without("build").without("pull_policy").without("scale").without("depends_on").without("profiles");
        if (s.get("deploy") instanceof YMap d) {
            s = s.with("deploy", d.without("replicas"));
        }
        String json = GoJson.compact(ConfigJson.service(s));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
