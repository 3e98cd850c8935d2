package dev.jcompose.engine.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileLogReaderTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private static String line(String stream, int second, String text) {
        return JsonFileFormat.format(new LogEntry(LogEntry.Stream.parse(stream), T0.plusSeconds(second), text)) + "\n";
    }

    private static List<String> texts(List<LogEntry> entries) {
        return entries.stream().map(LogEntry::text).toList();
    }

    @Test
    void readsRotatedFilesOldestFirstWithTailAndFilters() throws Exception {
        Path log = dir.resolve("c-json.log");
        Files.writeString(dir.resolve("c-json.log.2"), line("stdout", 0, "a\n") + line("stderr", 1, "b\n"));
        Files.writeString(dir.resolve("c-json.log.1"), line("stdout", 2, "c\n") + "{torn\n");
        Files.writeString(log, line("stdout", 3, "d\n") + line("stderr", 4, "e\n"));
        var reader = new JsonFileLogReader(log);

        List<LogEntry> all = new CopyOnWriteArrayList<>();
        reader.read(LogQuery.ALL, all::add, () -> false);
        assertEquals(List.of("a\n", "b\n", "c\n", "d\n", "e\n"), texts(all));

        List<LogEntry> tail = new CopyOnWriteArrayList<>();
        reader.read(new LogQuery(true, false, 2, null, null, false), tail::add, () -> false);
        assertEquals(List.of("c\n", "d\n"), texts(tail));

        List<LogEntry> window = new CopyOnWriteArrayList<>();
        reader.read(new LogQuery(true, true, -1, T0.plusSeconds(1), T0.plusSeconds(4), false), window::add, () -> false);
        assertEquals(List.of("b\n", "c\n", "d\n"), texts(window));
    }

    @Test
    void fromNowSkipsWhatWasWrittenBeforeAndKeepsWhatCameBeforeTheReadStarted() throws Exception {
        Path log = dir.resolve("c-json.log");
        Files.writeString(log, line("stdout", 0, "old run\n"));
        JsonFileLogReader reader = JsonFileLogReader.fromNow(log);
        // the container starts, writes, ends and is removed before the stream thread gets to read
        Files.writeString(log, line("stdout", 1, "new run\n") + line("stderr", 2, "its error\n"), StandardOpenOption.APPEND);
        Files.delete(log);
        List<LogEntry> got = new CopyOnWriteArrayList<>();
        reader.read(new LogQuery(true, true, 0, null, null, true), got::add, () -> false);
        assertEquals(List.of("new run\n", "its error\n"), texts(got));
    }

    @Test
    void fromNowBeforeTheLogExistsReadsTheWholeFileMadeLater() throws Exception {
        Path log = dir.resolve("c-json.log");
        JsonFileLogReader reader = JsonFileLogReader.fromNow(log);
        Files.writeString(log, line("stdout", 1, "first line ever\n"));
        List<LogEntry> got = new CopyOnWriteArrayList<>();
        reader.read(new LogQuery(true, true, 0, null, null, true), got::add, () -> false);
        assertEquals(List.of("first line ever\n"), texts(got));
    }

    @Test
    void followSeesAppendsAndRotationAndEndsWhenTheContainerStops() throws Exception {
        Path log = dir.resolve("c-json.log");
        Files.writeString(log, line("stdout", 0, "first\n"));
        AtomicBoolean running = new AtomicBoolean(true);
        List<LogEntry> got = new CopyOnWriteArrayList<>();
        Thread follower = new Thread(() -> {
            try {
                new JsonFileLogReader(log).read(new LogQuery(true, true, -1, null, null, true), got::add, running::get);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        follower.start();
        waitFor(() -> got.size() == 1);
        Files.writeString(log, line("stdout", 1, "second\n"), StandardOpenOption.APPEND);
        waitFor(() -> got.size() == 2);
        Files.move(log, dir.resolve("c-json.log.1"));
        Files.writeString(log, line("stderr", 2, "after rotation\n"));
        waitFor(() -> got.size() == 3);
        running.set(false);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> follower.join());
        assertEquals(List.of("first\n", "second\n", "after rotation\n"), texts(got));
    }

    @Test
    void framesAsDockersMultiplexedStreamWithTimestamps() throws Exception {
        var out = new ByteArrayOutputStream();
        var framer = new StreamFramer(out, true, true);
        framer.accept(new LogEntry(LogEntry.Stream.STDERR, T0.plusNanos(5), "hi\n"));
        assertEquals(0, out.size(), "nothing is written before the reader has caught up");
        framer.flush();
        byte[] bytes = out.toByteArray();
        String payload = "2026-11-22T10:00:00.000000005Z hi\n";
        assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 0, 0, (byte) payload.length()}, java.util.Arrays.copyOf(bytes, 8));
        assertEquals(payload, new String(bytes, 8, bytes.length - 8, StandardCharsets.UTF_8));
    }

    @Test
    void jsonFileLinesRoundTripWithEscapes() {
        LogEntry e = new LogEntry(LogEntry.Stream.STDOUT, T0, "quote \" backslash \\ tab \t ctl \u0001\n");
        assertEquals(e, JsonFileFormat.parse(JsonFileFormat.format(e)).orElseThrow());
        assertEquals(Instant.ofEpochSecond(1700000000L, 500_000_000L), LogQuery.parseUnixTime("1700000000.5"));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
