package dev.jcompose.engine.image.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.engine.image.ref.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Image records as JSON files {@code images/<id hex>.json}, each written atomically. */
final class ImageRecordStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path dir;
    private final Path tmp;

    ImageRecordStore(Path dir, Path tmp) throws IOException {
        this.dir = dir;
        this.tmp = tmp;
        Files.createDirectories(dir);
    }

    private Path file(Digest id) {
        return dir.resolve(id.hex() + ".json");
    }

    void save(ImageRecord record) throws IOException {
        AtomicFiles.write(file(record.id()), JSON.writeValueAsBytes(record), tmp);
    }

    void delete(Digest id) throws IOException {
        Files.deleteIfExists(file(id));
    }

    List<ImageRecord> loadAll() throws IOException {
        List<ImageRecord> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("[a-f0-9]{64}\\.json")).sorted().toList()) {
                try {
                    out.add(JSON.readValue(p.toFile(), ImageRecord.class));
                } catch (IOException e) {
                    throw new StoreException("reading image record " + p + ": " + e.getMessage().lines().findFirst().orElse(""), e);
                }
            }
        }
        return out;
    }
}
