package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Top-level {@code models} and a service's {@code models} (compose-go {@code ModelConfig} and
 * {@code ServiceModelConfig}; docker/compose e2e TestComposeModel): printed by {@code config}, a service's list
 * of names becomes a mapping, an undefined model is a consistency error.
 */
class ModelsConformanceTest {
    @TempDir
    Path dir;

    @Test
    void modelsArePrintedAndAServiceListBecomesAMapping() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: alpine/curl
                    models:
                      - foo
                  other:
                    image: alpine/curl
                    models:
                      bar:
                        endpoint_var: BAR_URL
                models:
                  foo:
                    model: ai/smollm2
                  bar:
                    runtime_flags: ["--verbose"]
                    context_size: 1024
                    model: ai/other
                """);
        assertEquals("""
                models:
                  foo: null
                """, c.attribute("test", "models"));
        assertEquals("""
                models:
                  bar:
                    endpoint_var: BAR_URL
                """, c.attribute("other", "models"));
        assertEquals("""
                models:
                  bar:
                    model: ai/other
                    context_size: 1024
                    runtime_flags:
                      - --verbose
                  foo:
                    model: ai/smollm2
                """, c.section("models"));
        assertEquals(List.of("ai/other", "ai/smollm2"), c.load().models());
    }

    @Test
    void anUndefinedModelIsAConsistencyError() {
        String error = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: alpine/curl
                    models: [nosuch]
                """).error();
        assertTrue(error.contains("compose.yaml:4:14 services.test.models: service \"test\" refers to undefined model nosuch"), error);
    }
}
