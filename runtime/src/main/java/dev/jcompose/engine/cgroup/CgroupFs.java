package dev.jcompose.engine.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and writes cgroupfs control files, turning I/O failures into one-line
 * {@link CgroupException}s that name the file, the value and the cgroup directory.
 *
 * <p>Writes never create files: a control file that does not exist means the controller is not
 * there, and that must show as an error, not as a new regular file. The directory operations are
 * overridable so that unit tests can run the backends against a fake cgroupfs in a temporary
 * directory (where {@code mkdir} must add the control files the kernel would add).
 */
public class CgroupFs {

    /** Writes {@code value} to {@code dir/file} with one write(2). */
    public void write(Path dir, String file, String value) throws CgroupException {
        Path target = dir.resolve(file);
        try {
            Files.write(target, value.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new CgroupException("setting " + file + "=" + oneLine(value) + " in " + dir + ": " + reason(e), e);
        }
    }

    /** The content of {@code dir/file}, trimmed. */
    public String read(Path dir, String file) throws CgroupException {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new CgroupException("reading " + file + " in " + dir + ": " + reason(e), e);
        }
    }

    /** The content of {@code dir/file}, trimmed, or empty when the file does not exist. */
    public Optional<String> readIfPresent(Path dir, String file) throws CgroupException {
        if (!has(dir, file)) {
            return Optional.empty();
        }
        return Optional.of(read(dir, file));
    }

    /** Whether the control file exists (that is, whether its controller is enabled there). */
    public boolean has(Path dir, String file) {
        return Files.exists(dir.resolve(file));
    }

    /** Whether the cgroup directory exists. */
    public boolean exists(Path dir) {
        return Files.isDirectory(dir);
    }

    /**
     * Creates {@code dir} and its missing parents, top down.
     *
     * @return the directories that were created, top down (empty when all existed)
     */
    public List<Path> mkdirs(Path dir) throws CgroupException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        List<Path> created = new ArrayList<>();
        for (Path p : missing) {
            try {
                mkdir(p);
                created.add(p);
            } catch (FileAlreadyExistsException e) {
                // another container made the shared parent meanwhile: fine
            } catch (IOException e) {
                throw new CgroupException("creating cgroup " + p + ": " + reason(e), e);
            }
        }
        return created;
    }

    /** Removes one empty cgroup directory (rmdir(2)). */
    public void rmdir(Path dir) throws CgroupException {
        try {
            remove(dir);
        } catch (NoSuchFileException e) {
            // already gone: removal is idempotent
        } catch (IOException e) {
            throw new CgroupException("removing cgroup " + dir + ": " + reason(e), e);
        }
    }

    /** The child cgroups of {@code dir} (its subdirectories), sorted. */
    public List<Path> children(Path dir) throws CgroupException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new CgroupException("listing cgroup " + dir + ": " + reason(e), e);
        }
    }

    /** The PIDs listed in {@code dir/file} (one per line), or none when the file is missing. */
    public List<Long> pids(Path dir, String file) throws CgroupException {
        List<Long> pids = new ArrayList<>();
        for (String line : readIfPresent(dir, file).orElse("").split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        return pids;
    }

    /** mkdir(2) of one directory whose parent exists; tests override it to add control files. */
    protected void mkdir(Path dir) throws IOException {
        Files.createDirectory(dir);
    }

    /** rmdir(2) of one directory; tests override it to drop the control files first. */
    protected void remove(Path dir) throws IOException {
        Files.delete(dir);
    }

    /** The errno text of an I/O failure ("Device or resource busy"), without the path Java adds. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String oneLine(String value) {
        return value.replace("\n", "\\n");
    }
}
