package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.service.Ulimit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ulimits: compose-go loader_test.go (single value = soft and hard) and override/merge_ulimits_test.go. */
class UlimitsConformanceTest {
    @TempDir
    Path dir;

    @Test
    void singleValueIsSoftAndHard() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    ulimits:
                      nproc: 65535
                      nofile:
                        soft: 20000
                        hard: 40000
                """);
        assertEquals(Map.of("nproc", new Ulimit(65535, 65535), "nofile", new Ulimit(20000, 40000)),
                c.service("test").process().ulimits());
        assertEquals("""
                ulimits:
                  nofile:
                    soft: 20000
                    hard: 40000
                  nproc: 65535
                """, c.attribute("test", "ulimits"));
    }

    @Test
    void mappingsMergeKeyByKey() {
        String base = """
                services:
                  test:
                    image: foo
                    ulimits:
                      nofile:
                          soft: 20000
                          hard: 40000
                      nproc: 65535
                      locks:
                          soft: 20000
                          hard: 40000
                """;
        String override = """
                services:
                  test:
                    image: foo
                    ulimits:
                      nofile:
                          soft: 10000
                          hard: 40000
                      nproc:
                          soft: 65535
                      locks:
                          hard: 65535
                """;
        assertEquals("""
                ulimits:
                  nofile:
                    soft: 10000
                    hard: 40000
                  nproc:
                    soft: 65535
                  locks:
                    soft: 20000
                    hard: 65535
                """, Compose.merged(base, override, "test", "ulimits"));
        // loading checks each file against the schema first, which wants both soft and hard in a mapping
        assertEquals(true, Compose.in(dir).file("compose.yaml", base).file("override.yaml", override).error()
                .endsWith("override.yaml:10:7 services.test.ulimits.locks: missing required property \"soft\""));
    }

    @Test
    void aSyntaxMismatchMakesTheOverrideWin() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    ulimits:
                      short_over_short: 100
                      long_over_short: 100
                      short_over_long:
                          soft: 100
                          hard: 200
                      long_over_long:
                          soft: 100
                          hard: 200
                """).file("override.yaml", """
                services:
                  test:
                    ulimits:
                      short_over_short: 500
                      long_over_short:
                          soft: 500
                      short_over_long: 500
                      long_over_long:
                          hard: 500
                """);
        assertEquals("""
                ulimits:
                  long_over_long:
                    soft: 100
                    hard: 500
                  long_over_short:
                    soft: 500
                  short_over_long: 500
                  short_over_short: 500
                """, c.attribute("test", "ulimits"));
    }
}
