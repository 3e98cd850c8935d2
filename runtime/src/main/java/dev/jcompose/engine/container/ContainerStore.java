package dev.jcompose.engine.container;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The engine's containers, one directory each under {@code root} ({@code <id>/container.json}),
 * loaded at open and written atomically (temp file + rename) on every change. Names are unique;
 * lookups accept a full ID, a name (with or without Docker's leading slash) or an unambiguous ID
 * prefix, in that order, as Docker resolves them.
 */
public final class ContainerStore {
    private static final String FILE = "container.json";

    private final Path root;
    private final ObjectMapper json;
    private final Map<String, ContainerRecord> byId = new HashMap<>();
    private final Map<String, String> idByName = new HashMap<>();
    /** Names held by creates in progress (name → the ID being created), as Docker's name registry reserves them. */
    private final Map<String, String> reserved = new HashMap<>();

    public ContainerStore(Path root) throws IOException {
        this.root = root;
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Files.createDirectories(root);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                Path file = dir.resolve(FILE);
                if (Files.isRegularFile(file)) {
                    ContainerRecord r = json.readValue(file.toFile(), ContainerRecord.class);
                    byId.put(r.id(), r);
                    idByName.put(r.shortName(), r.id());
                }
            }
        }
    }

    /** The directory holding a container's files (record, log, hosts, resolv.conf, rootfs dirs). */
    public Path directory(String id) {
        return root.resolve(id);
    }

    /**
     * Reserves {@code name} for container {@code id} while it is being created, atomically: the ID of the
     * container (stored or being created) that already holds the name, or empty when it is now {@code id}'s.
     */
    public synchronized Optional<String> reserveName(String name, String id) {
        String holder = holder(name);
        if (holder != null && !holder.equals(id)) {
            return Optional.of(holder);
        }
        reserved.put(name, id);
        return Optional.empty();
    }

    /** Drops {@code id}'s reservation of {@code name} (a create that failed, or one whose record is stored). */
    public synchronized void releaseName(String name, String id) {
        reserved.remove(name, id);
    }

    /** Adds a new container; fails with a 409 when its name is taken or reserved by another create. */
    public synchronized void add(ContainerRecord record) {
        String taken = holder(record.shortName());
        if (taken != null && !taken.equals(record.id())) {
            throw ContainerException.nameInUse(record.shortName(), taken);
        }
        write(record);
        byId.put(record.id(), record);
        idByName.put(record.shortName(), record.id());
        reserved.remove(record.shortName(), record.id());
    }

    private String holder(String name) {
        String id = idByName.get(name);
        return id != null ? id : reserved.get(name);
    }

    /** Applies {@code change} to the current record of {@code id} and persists the result. */
    public synchronized ContainerRecord update(String id, UnaryOperator<ContainerRecord> change) {
        ContainerRecord current = byId.get(id);
        if (current == null) {
            throw ContainerException.notFound(id);
        }
        ContainerRecord next = change.apply(current);
        if (!next.shortName().equals(current.shortName())) {
            String taken = holder(next.shortName());
            if (taken != null && !taken.equals(id)) {
                throw ContainerException.nameInUse(next.shortName(), taken);
            }
            idByName.remove(current.shortName());
            idByName.put(next.shortName(), id);
        }
        write(next);
        byId.put(id, next);
        return next;
    }

    public synchronized Optional<ContainerRecord> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Resolves a full ID, name or unique ID prefix; {@code No such container: x} otherwise. */
    public synchronized ContainerRecord find(String idOrName) {
        ContainerRecord exact = byId.get(idOrName);
        if (exact != null) {
            return exact;
        }
        String name = idOrName.startsWith("/") ? idOrName.substring(1) : idOrName;
        String byName = idByName.get(name);
        if (byName != null) {
            return byId.get(byName);
        }
        List<ContainerRecord> prefixed = byId.values().stream().filter(r -> r.id().startsWith(idOrName)).toList();
        if (prefixed.size() > 1) {
            throw ContainerException.ambiguous(idOrName);
        }
        if (prefixed.isEmpty() || idOrName.isEmpty()) {
            throw ContainerException.notFound(idOrName);
        }
        return prefixed.get(0);
    }

    /** All containers, newest first (Docker's list order). */
    public synchronized List<ContainerRecord> list() {
        List<ContainerRecord> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(ContainerRecord::created).reversed());
        return all;
    }

    /** Whether a container has {@code name} or a create in progress reserved it. */
    public synchronized boolean nameTaken(String name) {
        return holder(name) != null;
    }

    /** Forgets a container and deletes its directory (the caller has unmounted everything in it). */
    public synchronized void remove(String id) {
        ContainerRecord r = byId.remove(id);
        if (r != null) {
            idByName.remove(r.shortName());
        }
        try {
            dev.jcompose.engine.image.unpack.FileTrees.deleteRecursively(directory(id));
        } catch (IOException e) {
            throw new UncheckedIOException("removing the state directory of container " + id + ": " + e.getMessage(), e);
        }
    }

    private void write(ContainerRecord record) {
        Path dir = directory(record.id());
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(FILE + ".tmp");
            json.writeValue(tmp.toFile(), record);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the record of container " + record.id() + " to " + dir + ": " + e.getMessage(), e);
        }
    }
}
