package dev.jcompose.engine.image.manifest;

import java.util.Locale;
import java.util.Objects;

/**
 * An image platform, {@code os/architecture[/variant]} ({@code linux/amd64}, {@code linux/arm/v7}).
 * Architecture names are normalised as containerd does ({@code x86_64} → {@code amd64},
 * {@code aarch64} → {@code arm64}); {@code arm64} without a variant means {@code v8}.
 *
 * @param variant null when the platform has none
 */
public record Platform(String os, String architecture, String variant) {
    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        os = os.toLowerCase(Locale.ROOT);
        architecture = normaliseArch(architecture.toLowerCase(Locale.ROOT));
        variant = variant == null || variant.isEmpty() ? null : variant.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code os/arch[/variant]}; throws {@link IllegalArgumentException} on anything else. */
    public static Platform parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("invalid platform \"" + text + "\": want os/arch[/variant], e.g. linux/amd64");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** The platform this JVM runs on (Linux, with the architecture from {@code os.arch}). */
    public static Platform host() {
        String arch = System.getProperty("os.arch");
        String variant = arch.equals("arm") ? "v7" : null;
        return new Platform("linux", arch, variant);
    }

    private static String normaliseArch(String arch) {
        return switch (arch) {
            case "x86_64", "x86-64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "i386", "i686", "x86" -> "386";
            case "armhf", "armel", "arm" -> "arm";
            default -> arch;
        };
    }

    /** The variant with implied defaults filled in ({@code arm64} → {@code v8}), or null. */
    public String effectiveVariant() {
        if (variant == null && architecture.equals("arm64")) {
            return "v8";
        }
        return variant;
    }

    /**
     * Whether an image built for {@code candidate} runs here: same OS and architecture, and when
     * this platform names a variant the candidate's (effective) variant is the same or absent.
     */
    public boolean accepts(Platform candidate) {
        if (!os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
            return false;
        }
        String want = effectiveVariant();
        String have = candidate.effectiveVariant();
        return want == null || have == null || want.equals(have);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant != null ? "/" + variant : "");
    }
}
