package dev.jcompose.engine.image.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.InvalidReferenceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads manifest and index JSON (Docker v2 schema 2, manifest list, OCI manifest, OCI index).
 * The media type comes from the document's {@code mediaType} field, else from the HTTP content
 * type, else from the document's shape (OCI allows the field to be absent). Schema 1 manifests
 * are refused with a message saying so.
 */
public final class ManifestParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestParser() {
    }

    /**
     * @param contentType the HTTP {@code Content-Type} or the referring descriptor's media type; may be null
     * @param what        what the bytes are the manifest of, for error messages
     */
    public static Manifest parse(byte[] bytes, String contentType, String what) {
        JsonNode root = readTree(bytes, "manifest of " + what);
        String mediaType = text(root, "mediaType");
        if (mediaType == null) {
            mediaType = usable(contentType) ? stripParameters(contentType) : sniff(root);
        }
        if (MediaTypes.isSchema1(mediaType) || root.path("schemaVersion").asInt() == 1) {
            throw new ManifestFormatException("reading the manifest of " + what
                    + ": Docker schema 1 manifests are not supported (push the image again with a current client)");
        }
        try {
            if (MediaTypes.isIndex(mediaType)) {
                return new ImageIndex(mediaType, descriptors(root.path("manifests"), true));
            }
            if (MediaTypes.isManifest(mediaType)) {
                JsonNode config = root.path("config");
                if (!config.isObject()) {
                    throw new ManifestFormatException("reading the manifest of " + what + ": no config descriptor");
                }
                return new ImageManifest(mediaType, descriptor(config, false), descriptors(root.path("layers"), false));
            }
        } catch (InvalidReferenceException | IllegalArgumentException | NullPointerException e) {
            throw new ManifestFormatException("reading the manifest of " + what + ": " + e.getMessage(), e);
        }
        throw new ManifestFormatException("reading the manifest of " + what + ": unsupported media type \"" + mediaType + "\"");
    }

    static JsonNode readTree(byte[] bytes, String what) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new ManifestFormatException("reading the " + what + ": not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ManifestFormatException("reading the " + what + ": invalid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static boolean usable(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = stripParameters(contentType);
        return !t.isEmpty() && !t.equals("application/json") && !t.equals("text/plain") && !t.equals("application/octet-stream");
    }

    private static String stripParameters(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim();
    }

    private static String sniff(JsonNode root) {
        if (root.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        if (root.has("config") && root.has("layers")) {
            return MediaTypes.OCI_MANIFEST;
        }
        return root.path("schemaVersion").asInt() == 1 ? MediaTypes.DOCKER_SCHEMA1 : "unknown";
    }

    private static List<Descriptor> descriptors(JsonNode array, boolean withPlatform) {
        List<Descriptor> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode n : array) {
                out.add(descriptor(n, withPlatform));
            }
        }
        return out;
    }

    private static Descriptor descriptor(JsonNode n, boolean withPlatform) {
        String mediaType = text(n, "mediaType");
        String digest = text(n, "digest");
        if (digest == null) {
            throw new IllegalArgumentException("descriptor without digest");
        }
        Platform platform = null;
        JsonNode p = n.path("platform");
        if (withPlatform && p.isObject() && text(p, "os") != null && text(p, "architecture") != null) {
            platform = new Platform(text(p, "os"), text(p, "architecture"), text(p, "variant"));
        }
        List<String> urls = new ArrayList<>();
        n.path("urls").forEach(u -> urls.add(u.asText()));
        return new Descriptor(mediaType == null ? "" : mediaType, Digest.parse(digest), n.path("size").asLong(), platform, urls);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
