package dev.jcompose.engine.volume;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The engine's named volumes with the local driver: {@code <root>/<name>/volume.json} plus the data
 * directory {@code <root>/<name>/_data}. Create is idempotent for an existing name (as Docker's);
 * remove refuses a volume that {@code inUse} says a container references.
 */
public final class VolumeStore {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
    private static final Set<String> LOCAL_OPTIONS = Set.of("type", "device", "o", "size");
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, VolumeRecord> volumes = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Owner owner;

    public VolumeStore(Path root, Clock clock) throws IOException {
        this(root, clock, Owner.ROOT);
    }

    /** Who owns a new volume's {@code _data}: the (remapped) root of the containers, as dockerd's local driver does. */
    public record Owner(long uid, long gid) {
        public static final Owner ROOT = new Owner(0, 0);
    }

    /** @param owner who owns the {@code _data} of volumes created from now on */
    public VolumeStore(Path root, Clock clock, Owner owner) throws IOException {
        this.owner = owner;
        this.root = root;
        this.clock = clock;
        Files.createDirectories(root);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                Path file = dir.resolve("volume.json");
                if (Files.isRegularFile(file)) {
                    VolumeRecord v = json.readValue(file.toFile(), VolumeRecord.class);
                    volumes.put(v.name(), v);
                }
            }
        }
    }

    /** Creates a volume, or returns the existing one of that name. A null or empty name makes an anonymous volume. */
    public synchronized VolumeRecord create(String name, String driver, Map<String, String> options, Map<String, String> labels) {
        String drv = driver == null || driver.isEmpty() ? "local" : driver;
        if (!drv.equals("local")) {
            throw new VolumeException(404, "plugin \"" + drv + "\" not found");
        }
        Map<String, String> opts = options == null ? Map.of() : options;
        for (String key : opts.keySet()) {
            if (!LOCAL_OPTIONS.contains(key)) {
                throw new VolumeException(400, "create " + name + ": invalid option key: \"" + key + "\"");
            }
        }
        Map<String, String> allLabels = new LinkedHashMap<>(labels == null ? Map.of() : labels);
        String actual = name;
        if (actual == null || actual.isEmpty()) {
            byte[] id = new byte[32];
            random.nextBytes(id);
            actual = HexFormat.of().formatHex(id);
            allLabels.put(VolumeRecord.ANONYMOUS_LABEL, "");
        } else if (!NAME.matcher(actual).matches()) {
            throw new VolumeException(400, "create " + actual
                    + ": \"" + actual + "\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed."
                    + " If you intended to pass a host directory, use absolute path");
        }
        VolumeRecord existing = volumes.get(actual);
        if (existing != null) {
            return existing;
        }
        Path dir = root.resolve(actual);
        VolumeRecord v = new VolumeRecord(actual, drv, dir.resolve("_data").toString(), CREATED.format(clock.instant()), allLabels,
                "local", opts);
        VolumeSource.of(v); // refuses options the local driver could not mount, before anything is made
        try {
            Path data = Files.createDirectories(dir.resolve("_data"));
            if (!owner.equals(Owner.ROOT)) {
                Files.setAttribute(data, "unix:uid", (int) owner.uid());
                Files.setAttribute(data, "unix:gid", (int) owner.gid());
                var perms = Files.getPosixFilePermissions(dir); // the remapped root walks through it, whatever the umask
                perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(dir, perms);
            }
            Path tmp = dir.resolve("volume.json.tmp");
            json.writeValue(tmp.toFile(), v);
            Files.move(tmp, dir.resolve("volume.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("creating volume " + actual + " in " + dir + ": " + e.getMessage(), e);
        }
        volumes.put(actual, v);
        return v;
    }

    public synchronized VolumeRecord get(String name) {
        VolumeRecord v = volumes.get(name);
        if (v == null) {
            throw VolumeException.notFound(name);
        }
        return v;
    }

    public synchronized List<VolumeRecord> list() {
        return List.copyOf(volumes.values());
    }

    /**
     * Removes a volume and its data. {@code usedBy} gives the IDs of containers referencing it;
     * a used volume is a 409 (Docker refuses even with force).
     */
    public synchronized void remove(String name, java.util.function.Function<String, List<String>> usedBy) {
        VolumeRecord v = get(name);
        List<String> users = usedBy.apply(name);
        if (!users.isEmpty()) {
            throw new VolumeException(409, "remove " + name + ": volume is in use - " + users);
        }
        try {
            dev.jcompose.engine.image.unpack.FileTrees.deleteRecursively(root.resolve(v.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("removing volume " + name + ": " + e.getMessage(), e);
        }
        volumes.remove(name);
    }

    /** Removes unused volumes matching {@code which}; returns the names removed. */
    public synchronized List<String> prune(Predicate<VolumeRecord> which, java.util.function.Function<String, List<String>> usedBy) {
        List<String> removed = new ArrayList<>();
        for (VolumeRecord v : List.copyOf(volumes.values())) {
            if (which.test(v) && usedBy.apply(v.name()).isEmpty()) {
                remove(v.name(), usedBy);
                removed.add(v.name());
            }
        }
        return removed;
    }
}
