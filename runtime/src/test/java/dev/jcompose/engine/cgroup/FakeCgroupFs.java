package dev.jcompose.engine.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A cgroupfs in a temporary directory that behaves like the kernel where the backends depend on
 * it: {@code mkdir} adds the control files of the controllers, {@code rmdir} refuses a cgroup with
 * processes or children, and writes go through checks the subclasses add. Every write is logged as
 * {@code relative/dir/file=value}.
 */
abstract class FakeCgroupFs extends CgroupFs {
    final Path root;
    final List<String> writes = new ArrayList<>();

    FakeCgroupFs(Path root) {
        this.root = root;
    }

    /** The control files (name → initial content) the kernel would put into a new cgroup {@code dir}. */
    abstract Map<String, String> filesFor(Path dir) throws IOException;

    /** Checks and side effects of a write, before it lands; throws like the kernel would. */
    void beforeWrite(Path dir, String file, String value) throws IOException {
    }

    @Override
    public void write(Path dir, String file, String value) throws CgroupException {
        try {
            beforeWrite(dir, file, value);
        } catch (IOException e) {
            throw new CgroupException("setting " + file + "=" + value + " in " + dir + ": " + reason(e), e);
        }
        String before = content(dir.resolve(file));
        super.write(dir, file, value);
        writes.add(root.relativize(dir.resolve(file)) + "=" + value);
        if (file.equals("cgroup.procs")) {
            set(dir.resolve(file), before + value + "\n"); // a pid joins; the others stay
        }
        afterWrite(dir, file, value);
    }

    /** Side effects after a write landed. */
    void afterWrite(Path dir, String file, String value) throws CgroupException {
    }

    @Override
    protected void mkdir(Path dir) throws IOException {
        Files.createDirectory(dir);
        for (Map.Entry<String, String> f : filesFor(dir).entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
    }

    @Override
    protected void remove(Path dir) throws IOException {
        if (!content(dir.resolve("cgroup.procs")).isBlank()) {
            throw new FileSystemException(dir.toString(), null, "Device or resource busy");
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p)) {
                    throw new FileSystemException(dir.toString(), null, "Device or resource busy");
                }
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** Makes {@code pid} leave every cgroup (as if it died). */
    void exit(long pid) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.getFileName().toString().equals("cgroup.procs")).toList()) {
                String left = content(p).lines().filter(l -> !l.equals(Long.toString(pid)))
                        .map(l -> l + "\n").reduce("", String::concat);
                set(p, left);
            }
        }
    }

    List<Path> dirsUnder(Path top) throws IOException {
        try (Stream<Path> s = Files.walk(top)) {
            return s.filter(Files::isDirectory).filter(d -> !d.equals(top)).toList();
        }
    }

    static String content(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void set(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
