package dev.jcompose.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pull's message stream, as the engine sends it (recorded shape of dockerd's), rendered as docker compose does: TTY block and plain lines. */
class PullProgressTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two layers of web's image: one downloaded and extracted, one already in the store. */
    private static final String STREAM = """
            {"status":"Pulling from library/web","id":"1"}
            {"status":"Pulling fs layer","progressDetail":{},"id":"1a2b3c4d5e6f"}
            {"status":"Pulling fs layer","progressDetail":{},"id":"9f8e7d6c5b4a"}
            {"status":"Already exists","progressDetail":{},"id":"9f8e7d6c5b4a"}
            {"status":"Downloading","progressDetail":{"current":1048576,"total":2097152},"id":"1a2b3c4d5e6f"}
            {"status":"Downloading","progressDetail":{"current":2097152,"total":2097152},"id":"1a2b3c4d5e6f"}
            {"status":"Verifying Checksum","progressDetail":{},"id":"1a2b3c4d5e6f"}
            {"status":"Download complete","progressDetail":{},"id":"1a2b3c4d5e6f"}
            {"status":"Extracting","progressDetail":{"current":2097152,"total":2097152},"id":"1a2b3c4d5e6f"}
            {"status":"Pull complete","progressDetail":{},"id":"1a2b3c4d5e6f"}
            {"status":"Digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
            {"status":"Status: Downloaded newer image for web:1"}
            """;

    private static final String HALF = "[=========================>                         ]  1.049MB/2.097MB";
    private static final String FULL = "[==================================================>]  2.097MB/2.097MB";

    private static List<JsonNode> messages() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : STREAM.split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static String render(boolean tty, int width) throws Exception {
        var bytes = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), tty, "Pulling").width(width);
        PullProgress web = new PullProgress(printer, "web");
        web.started();
        for (JsonNode m : messages()) {
            web.accept(m);
        }
        web.pulled();
        printer.finish();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainLinesAreDockerComposesEventsOnePerMessageOfALayer() throws Exception {
        assertEquals(List.of(
                " web Pulling",
                " 1a2b3c4d5e6f Pulling fs layer",
                " 9f8e7d6c5b4a Pulling fs layer",
                " 9f8e7d6c5b4a Already exists",
                " 1a2b3c4d5e6f Downloading " + HALF,
                " 1a2b3c4d5e6f Downloading " + FULL,
                " 1a2b3c4d5e6f Verifying Checksum",
                " 1a2b3c4d5e6f Download complete",
                " 1a2b3c4d5e6f Extracting " + FULL,
                " 1a2b3c4d5e6f Pull complete",
                " web Pulled"), Arrays.asList(render(false, 0).split("\n")));
    }

    @Test
    void ttyRedrawsTheServiceWithItsLayersUnderItAndEndsAllDone() throws Exception {
        String screen = render(true, 0);
        List<List<String>> frames = frames(screen);
        assertTrue(frames.stream().anyMatch(f -> f.contains("   ⠋ 1a2b3c4d5e6f  Downloading " + HALF + "  0.0s")),
                "a frame shows the layer half downloaded, with docker's bar: " + frames);
        assertEquals(List.of(
                "[+] Pulling 3/3",
                " ✔ web             Pulled  0.0s",
                "   ✔ 1a2b3c4d5e6f  Pull complete  0.0s",
                "   ✔ 9f8e7d6c5b4a  Already exists  0.0s"), frames.get(frames.size() - 1), "the last frame: all done");
        assertTrue(frames.stream().flatMap(List::stream).noneMatch(l -> l.contains("latest") || l.contains("Digest") || l.contains("Status")),
                "messages without a progressDetail are not rows: " + frames);
    }

    @Test
    void ttyLinesAreCutToTheTerminalWidth() throws Exception {
        List<List<String>> frames = frames(render(true, 40));
        for (List<String> f : frames) {
            for (String line : f.subList(1, f.size())) {
                assertTrue(line.codePointCount(0, line.length()) <= 39, "cut to 40 columns less one: [" + line + "]");
            }
        }
        assertTrue(frames.stream().flatMap(List::stream).anyMatch(l -> l.equals("   ⠋ 1a2b3c4d5e6f  Downloading [=======")), frames.toString());
    }

    @Test
    void dockersProgressText() {
        assertEquals("", ProgressBar.of(0, 0));
        assertEquals("   512kB", ProgressBar.of(512_000, 0), "no total: the count alone, %8v");
        assertEquals("[>                                                  ]       0B/45.6MB", ProgressBar.of(0, 45_600_000));
        assertEquals("[=====>                                             ]  4.561MB/45.6MB", ProgressBar.of(4_561_234, 45_600_000));
        assertEquals("[==================================================>]    1.2GB", ProgressBar.of(1_200_000_000, 1_000),
                "a count past the total drops the total, as docker");
    }

    /** The frames of a redrawn block: split where the cursor moves up, escapes removed, timers rounded to 0.0s. */
    private static List<List<String>> frames(String screen) {
        List<List<String>> out = new ArrayList<>();
        for (String frame : screen.split("\033\\[[0-9]+F")) {
            String clean = frame.replace("\033[2K", "").replaceAll("\033\\[[0-9;]*m", "").replaceAll("[0-9]+\\.[0-9]s(?=\n|$)", "0.0s");
            if (!clean.isBlank()) {
                out.add(List.of(clean.split("\n")));
            }
        }
        return out;
    }
}
