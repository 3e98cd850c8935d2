package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.cli.render.Humanize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts of the new verbs: run's -e and -l, images' rows, docker's human sizes and durations. */
class VerbsPureTest {
    @Test
    void runEnvTakesUnvaluedKeysFromTheCallerAndDropsUnsetOnes() {
        assertEquals(List.of("A=1", "HOME=/root"), RunCommand.resolveEnv(List.of("A=1", "HOME", "UNSET"), Map.of("HOME", "/root")));
        assertEquals(Map.of("a", "1", "flag", ""), RunCommand.labels(List.of("a=1", "flag")));
    }

    @Test
    void imagesShowTheTagTheContainerAskedFor() throws Exception {
        var image = new ObjectMapper().readTree("""
                {"Id":"sha256:0123456789abcdef0123","RepoTags":["docker.io/library/other:2","docker.io/library/tiny:1"],
                 "Os":"linux","Architecture":"arm64","Variant":"v8","Size":4260000,"Created":"2026-01-01T00:00:00Z"}""");
        ImagesCommand.Row row = ImagesCommand.row("p-web-1", "tiny:1", image);
        assertEquals("docker.io/library/tiny", row.repository());
        assertEquals("1", row.tag());
        assertEquals("linux/arm64/v8", row.platform());
        assertEquals("0123456789ab", ImagesCommand.shortId(row.id()));
        ImagesCommand.Row untagged = ImagesCommand.row("p-web-1", "sha256:01", new ObjectMapper().readTree("{\"Id\":\"sha256:01\"}"));
        assertEquals("<none>", untagged.repository());
        assertEquals("<none>", untagged.tag());
        assertEquals(java.util.Set.of("0123456789abcdef0123", "01"), ImagesCommand.quietIds(List.of(row, row, untagged)),
                "-q: each ID once, without sha256: (docker compose images -q)");
    }

    @Test
    void humanFormsAreDockersOwn() {
        assertEquals("4.26MB", Humanize.size(4_260_000));
        assertEquals("999B", Humanize.size(999));
        assertEquals("1kB", Humanize.size(1000));
        assertEquals("Less than a second", Humanize.duration(Duration.ofMillis(300)));
        assertEquals("1 second", Humanize.duration(Duration.ofSeconds(1)));
        assertEquals("59 seconds", Humanize.duration(Duration.ofSeconds(59)));
        assertEquals("About a minute", Humanize.duration(Duration.ofSeconds(90)));
        assertEquals("About an hour", Humanize.duration(Duration.ofMinutes(61)));
        assertEquals("47 hours", Humanize.duration(Duration.ofHours(47)));
        assertEquals("3 days", Humanize.duration(Duration.ofDays(3)));
        assertEquals("3 weeks", Humanize.duration(Duration.ofDays(21)));
        assertEquals("3 months", Humanize.duration(Duration.ofDays(95)));
        assertEquals("2 years", Humanize.duration(Duration.ofDays(800)));
    }
}
