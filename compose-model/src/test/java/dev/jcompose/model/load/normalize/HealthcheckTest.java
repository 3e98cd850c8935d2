package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.attribute;
import static dev.jcompose.model.load.normalize.Normalized.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** healthcheck: test as a list, Go durations, compose-go's field order. */
class HealthcheckTest {
    @Test
    void stringTestAndDurationsAsComposeGoPrintsThem() {
        assertEquals("""
                healthcheck:
                  test:
                    - CMD-SHELL
                    - echo "hello world"
                  timeout: 1s
                  interval: 1m30s
                  retries: 5
                  start_period: 15s
                  start_interval: 500ms
                """, attribute("""
                services:
                  foo:
                    image: app
                    healthcheck:
                      start_interval: 500ms
                      retries: 5
                      interval: 90s
                      test: echo "hello world"
                      start_period: 15s
                      timeout: 1s
                """, "foo", "healthcheck"));
    }

    @Test
    void listTestAndDisableKept() {
        assertEquals("""
                healthcheck:
                  test:
                    - NONE
                  disable: true
                """, attribute("""
                services:
                  foo:
                    image: app
                    healthcheck: {disable: true, test: [NONE]}
                """, "foo", "healthcheck"));
    }

    @Test
    void badDurationIsLocated() {
        String e = error("""
                services:
                  foo:
                    image: app
                    healthcheck:
                      interval: 10 parsecs
                """);
        assertEquals(true, e.startsWith("compose.yaml:5:17 services.foo.healthcheck.interval: invalid duration \"10 parsecs\""), e);
    }
}
