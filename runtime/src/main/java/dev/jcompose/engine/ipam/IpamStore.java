package dev.jcompose.engine.ipam;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A network's address state on disk: a snapshot {@code <network>.json}, written atomically (temp
 * file, then rename), and a journal {@code <network>.journal} of the {@link IpamChange}s made since,
 * one JSON line each, appended by {@link #record}. An allocation appends one line instead of
 * rewriting (and renaming over) the whole snapshot, whose cost grows with the network and which
 * ext4 makes wait for the new file's data on every rename over an old one. Past
 * {@link #COMPACT_AFTER} lines, and whenever a journal is found on loading, the snapshot is written
 * anew and the journal deleted. Durability is the snapshot's: a line is in the kernel once
 * {@code write} returns, so it survives the engine being killed (neither path fsyncs). A crash in
 * the middle of an append leaves at most a torn last line, which loading ignores. Not thread-safe:
 * {@link Ipam} calls it under its lock.
 */
public final class IpamStore {
    static final int COMPACT_AFTER = 1024;

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> journalLines = new HashMap<>();

    public IpamStore(Path dir) {
        this.dir = dir;
    }

    /** Every network's state: its snapshot with its journal's changes made (then written as the new snapshot). */
    public List<NetworkState> loadAll() {
        List<NetworkState> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                NetworkState state;
                try {
                    state = json.readValue(f.toFile(), NetworkState.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read address state " + f + ": " + e.getMessage(), e);
                }
                Path journal = journal(state.name());
                if (Files.exists(journal)) {
                    state = replay(state, journal);
                    save(state);
                }
                out.add(state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list address state in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private NetworkState replay(NetworkState state, Path journal) throws IOException {
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            IpamChange change;
            try {
                change = json.readValue(line, IpamChange.class);
            } catch (IOException e) {
                break; // torn by a crash while it was appended: it is the last line
            }
            state = change.applyTo(state);
        }
        return state;
    }

    /** Writes {@code state} as the network's snapshot and drops its journal. */
    public void save(NetworkState state) {
        Path target = file(state.name());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".ipam-", ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(journal(state.name()));
            journalLines.put(state.name(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write address state " + target + ": " + e.getMessage(), e);
        }
    }

    /** Persists {@code changes}, which made {@code after} from the last state saved or recorded: one append (or a new snapshot when the journal is long). */
    void record(NetworkState after, List<IpamChange> changes) {
        int lines = journalLines.getOrDefault(after.name(), 0) + changes.size();
        if (lines > COMPACT_AFTER) {
            save(after);
            return;
        }
        Path journal = journal(after.name());
        try {
            StringBuilder text = new StringBuilder();
            for (IpamChange c : changes) {
                text.append(json.writeValueAsString(c)).append('\n');
            }
            Files.writeString(journal, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            journalLines.put(after.name(), lines);
        } catch (IOException e) {
            journalLines.put(after.name(), COMPACT_AFTER + 1); // a torn line may be left: the next change writes a snapshot
            throw new UncheckedIOException("could not append to address journal " + journal + ": " + e.getMessage(), e);
        }
    }

    public void delete(String network) {
        try {
            Files.deleteIfExists(file(network));
            Files.deleteIfExists(journal(network));
            journalLines.remove(network);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete address state of " + network + ": " + e.getMessage(), e);
        }
    }

    private Path file(String network) {
        return dir.resolve(safe(network) + ".json");
    }

    private Path journal(String network) {
        return dir.resolve(safe(network) + ".journal");
    }

    private static String safe(String network) {
        return network.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
