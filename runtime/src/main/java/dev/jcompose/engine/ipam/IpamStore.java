package dev.jcompose.engine.ipam;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One JSON file per network under a state directory, written atomically (temp file, then rename). */
public final class IpamStore {
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    public IpamStore(Path dir) {
        this.dir = dir;
    }

    public List<NetworkState> loadAll() {
        List<NetworkState> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(json.readValue(f.toFile(), NetworkState.class));
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read address state " + f + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list address state in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    public void save(NetworkState state) {
        Path target = file(state.name());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".ipam-", ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write address state " + target + ": " + e.getMessage(), e);
        }
    }

    public void delete(String network) {
        try {
            Files.deleteIfExists(file(network));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete address state of " + network + ": " + e.getMessage(), e);
        }
    }

    private Path file(String network) {
        return dir.resolve(network.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json");
    }
}
