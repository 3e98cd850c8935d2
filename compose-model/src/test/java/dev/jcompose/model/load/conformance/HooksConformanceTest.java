package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.service.PreStartHook;
import dev.jcompose.model.service.ServiceHook;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle hooks: {@code post_start}/{@code pre_stop} (compose-go {@code ServiceHook}: command as a shell
 * command, environment as a mapping, privileged a boolean) and {@code pre_start} (the same plus {@code image}
 * and {@code per_replica}; docker/compose's compose_pre_start_test.go fixtures).
 */
class HooksConformanceTest {
    @TempDir
    Path dir;

    @Test
    void preStartStepsKeepTheirOrderImageAndCommand() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  sample:
                    image: alpine
                    pre_start:
                      - image: alpine
                        command: sh -c 'echo A >> /shared/out'
                      - command: ["migrate", "--all"]
                        user: root
                        privileged: "true"
                        working_dir: /app
                        per_replica: true
                        environment:
                          - B=2
                          - A=1
                """);
        assertEquals("""
                pre_start:
                  - command:
                      - sh
                      - -c
                      - echo A >> /shared/out
                    image: alpine
                  - command:
                      - migrate
                      - --all
                    user: root
                    privileged: true
                    working_dir: /app
                    environment:
                      A: "1"
                      B: "2"
                    per_replica: true
                """, c.attribute("sample", "pre_start"));
        assertEquals(List.of(
                new PreStartHook(List.of("sh", "-c", "echo A >> /shared/out"), "alpine", null, false, null, Map.of(), false),
                new PreStartHook(List.of("migrate", "--all"), null, "root", true, "/app", Map.of("A", "1", "B", "2"), true)),
                c.service("sample").options().preStart());
    }

    @Test
    void postStartAndPreStopAreShellSplitWithAnEnvironmentMapping() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    post_start:
                      - command: ./do_something_on_startup.sh --now
                        user: root
                        privileged: true
                        environment:
                          - FOO=BAR
                    pre_stop:
                      - command: ./data_flush.sh
                        privileged: false
                """);
        assertEquals("""
                post_start:
                  - command:
                      - ./do_something_on_startup.sh
                      - --now
                    user: root
                    privileged: true
                    environment:
                      FOO: BAR
                """, c.attribute("test", "post_start"));
        assertEquals("""
                pre_stop:
                  - command:
                      - ./data_flush.sh
                """, c.attribute("test", "pre_stop"));
        assertEquals(List.of(new ServiceHook(List.of("./do_something_on_startup.sh", "--now"), "root", true, null, Map.of("FOO", "BAR"))),
                c.service("test").options().postStart());
        assertEquals(List.of(new ServiceHook(List.of("./data_flush.sh"), null, false, null, Map.of())),
                c.service("test").options().preStop());
    }

    @Test
    void preStartHooksComeBeforePostStartInTheServiceAndChangeTheConfigHash() {
        String base = """
                services:
                  s:
                    image: alpine
                    post_start:
                      - command: echo post
                """;
        Compose without = Compose.in(dir.resolve("a")).file("compose.yaml", base);
        Compose with = Compose.in(dir.resolve("b")).file("compose.yaml", base + """
                    pre_start:
                      - command: echo pre
                """);
        String yaml = with.load().yaml();
        assertTrue(yaml.indexOf("pre_start:") < yaml.indexOf("post_start:"), yaml);
        assertTrue(!without.load().configHash("s").equals(with.load().configHash("s")), "pre_start is part of the config hash");
    }

    @Test
    void aPreStartStepNeedsACommandAndNoUnknownKey() {
        assertTrue(Compose.in(dir.resolve("a")).file("compose.yaml", """
                services:
                  s:
                    image: alpine
                    pre_start:
                      - image: alpine
                """).error().contains("services.s.pre_start[0]"));
        assertTrue(Compose.in(dir.resolve("b")).file("compose.yaml", """
                services:
                  s:
                    image: alpine
                    pre_start:
                      - command: "true"
                        entrypoint: x
                """).error().contains("additional property \"entrypoint\" is not allowed"));
    }
}
