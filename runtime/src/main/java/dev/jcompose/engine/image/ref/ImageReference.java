package dev.jcompose.engine.image.ref;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * A normalised image reference: {@code domain/path[:tag][@digest]}, e.g.
 * {@code docker.io/library/wordpress:latest}. {@link #parse} applies Docker's rules: a first
 * component is a registry domain only when it contains {@code .} or {@code :}, is
 * {@code localhost}, or has upper-case letters; otherwise the registry is Docker Hub
 * ({@code docker.io}, with {@code index.docker.io} folded into it) and single-component Hub names
 * get the {@code library/} prefix; a reference with neither tag nor digest gets {@code :latest}.
 *
 * @param domain the registry as written ({@code docker.io}, {@code 127.0.0.1:5000})
 * @param path   the repository path within the registry ({@code library/wordpress})
 * @param tag    the tag, or null when only a digest was given
 * @param digest the manifest digest, or null
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    /** The host that serves Docker Hub's registry API. */
    public static final String DOCKER_HUB_REGISTRY = "registry-1.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    public static final String DEFAULT_TAG = "latest";

    public ImageReference {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
        if (tag == null && digest == null) {
            throw new InvalidReferenceException("invalid reference format: " + domain + "/" + path + " has neither tag nor digest");
        }
        if (tag != null && !ReferenceGrammar.TAG_ONLY.matcher(tag).matches()) {
            throw new InvalidReferenceException("invalid tag format: \"" + tag + "\"");
        }
    }

    /** Parses and normalises a reference as {@code docker pull} does; adds {@code :latest} when neither tag nor digest is given. */
    public static ImageReference parse(String text) {
        if (text == null) {
            throw new InvalidReferenceException("invalid reference format: no image name");
        }
        if (ReferenceGrammar.HEX64.matcher(text).matches()) {
            throw new InvalidReferenceException("invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDomain(text);
        String domain = split[0];
        String remainder = split[1];
        int colon = remainder.indexOf(':');
        String remote = colon >= 0 ? remainder.substring(0, colon) : remainder;
        if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
            throw new InvalidReferenceException("invalid reference format: repository name (" + remote + ") must be lowercase");
        }
        String full = domain + "/" + remainder;
        Matcher m = ReferenceGrammar.REFERENCE.matcher(full);
        if (!m.matches()) {
            throw new InvalidReferenceException("invalid reference format: \"" + text + "\"");
        }
        String name = m.group(1);
        if (name.length() > ReferenceGrammar.NAME_TOTAL_LENGTH_MAX) {
            throw new InvalidReferenceException("invalid reference format: repository name must not be more than "
                    + ReferenceGrammar.NAME_TOTAL_LENGTH_MAX + " characters: \"" + text + "\"");
        }
        String digestText = m.group(3);
        Digest digest = null;
        if (digestText != null) {
            if (!digestText.startsWith(Digest.ALGORITHM + ":")) {
                throw new InvalidReferenceException("invalid reference format: unsupported digest algorithm in \"" + text + "\"");
            }
            digest = new Digest(digestText);
        }
        String tag = m.group(2);
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        String path = name.substring(domain.length() + 1);
        return new ImageReference(domain, path, tag, digest);
    }

    /** Docker's domain split: returns {domain, remainder}, with Hub normalisation applied. */
    private static String[] splitDomain(String name) {
        int slash = name.indexOf('/');
        String domain;
        String remainder;
        if (slash == -1 || !looksLikeDomain(name.substring(0, slash))) {
            domain = DOCKER_HUB;
            remainder = name;
        } else {
            domain = name.substring(0, slash);
            remainder = name.substring(slash + 1);
        }
        if (domain.equals(LEGACY_DOCKER_HUB)) {
            domain = DOCKER_HUB;
        }
        if (domain.equals(DOCKER_HUB) && remainder.indexOf('/') == -1) {
            remainder = OFFICIAL_PREFIX + remainder;
        }
        return new String[] {domain, remainder};
    }

    private static boolean looksLikeDomain(String first) {
        return first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost")
                || !first.toLowerCase(Locale.ROOT).equals(first);
    }

    /** {@code domain/path}, e.g. {@code docker.io/library/redis}. */
    public String name() {
        return domain + "/" + path;
    }

    public boolean isDockerHub() {
        return domain.equals(DOCKER_HUB);
    }

    /** The host[:port] whose {@code /v2/} API serves this repository. */
    public String registryHost() {
        return isDockerHub() ? DOCKER_HUB_REGISTRY : domain;
    }

    /** What to ask the registry's manifest endpoint for: the digest when there is one, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.value() : tag;
    }

    public ImageReference withTag(String newTag) {
        return new ImageReference(domain, path, newTag, null);
    }

    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(domain, path, null, newDigest);
    }

    /** The name as docker shows it: {@code redis}, {@code dmcgowan/myapp}, {@code 127.0.0.1:5000/x}. */
    public String familiarName() {
        if (!isDockerHub()) {
            return name();
        }
        if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) == -1) {
            return path.substring(OFFICIAL_PREFIX.length());
        }
        return path;
    }

    /** {@link #familiarName()} with tag and digest, as docker prints references. */
    public String familiarString() {
        return familiarName() + suffix();
    }

    private String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest.value() : "");
    }

    @Override
    public String toString() {
        return name() + suffix();
    }
}
