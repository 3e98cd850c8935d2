package dev.jcompose.model.load.project;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.assemble.ProjectOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever text the loader gets — corpus files with bytes and lines mutated, shuffled
 * lines, random YAML-ish noise — only {@link ComposeException} comes out, and no input hangs it.
 * Fixed seed, so a failure reproduces.
 */
class LoaderFuzzTest {
    private static final Path CORPUS = dev.jcompose.model.SharedCorpus.path("");
    private static final String ALPHABET = " \t\n:-[]{}'\"#&*!|>%@`$,?~\\=.0123456789abcxyz_<";

    @TempDir
    Path dir;

    @Test
    void onlyComposeExceptionsAndNoHangs() throws IOException {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().limit(120).toList()) {
                seeds.add(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(seeds.size() > 20, "corpus seeds found: " + seeds.size());
        Random random = new Random(20261122L);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int i = 0; i < 1500; i++) {
                String input = mutate(seeds.get(random.nextInt(seeds.size())), random);
                Files.writeString(dir.resolve("compose.yaml"), input);
                try {
                    ComposeLoader.load(ProjectOptions.discover(dir, Map.of("HOME", "/root"))).project();
                    outcomes[0]++;
                } catch (ComposeException e) {
                    outcomes[1]++;
                } catch (RuntimeException | StackOverflowError e) {
                    fail("case " + i + ": " + e + " for input:\n" + input, e);
                }
            }
        });
        assertTrue(outcomes[1] > 0 && outcomes[0] > 0, "both loads and rejections happen: " + outcomes[0] + "/" + outcomes[1]);
    }

    /** The newer attributes (pre_start, hooks, gpus, provider, models, long env_file), mutated the same way. */
    @Test
    void newerAttributesGiveOnlyComposeExceptions() throws IOException {
        Files.writeString(dir.resolve("a.env"), "A=1\n");
        String seed = """
                services:
                  app:
                    image: alpine
                    env_file:
                      - path: a.env
                        required: false
                        format: raw
                    pre_start:
                      - image: alpine
                        command: sh -c 'echo "x" > /shared/y'
                        per_replica: "true"
                        environment: [A=1, B]
                    post_start:
                      - command: ["echo", "up"]
                        privileged: true
                    pre_stop:
                      - command: echo down
                        user: root
                    gpus:
                      - driver: nvidia
                        count: all
                        options: {a: 1}
                    models: [llm]
                  db:
                    provider:
                      type: awesomecloud
                      options: {size: 256, tags: [a, b]}
                    gpus: all
                models:
                  llm:
                    model: ai/example
                """;
        Random random = new Random(20261202L);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int i = 0; i < 800; i++) {
                String input = i == 0 ? seed : mutate(seed, random);
                Files.writeString(dir.resolve("compose.yaml"), input);
                try {
                    ComposeLoader.load(ProjectOptions.discover(dir, Map.of("HOME", "/root"))).project();
                    outcomes[0]++;
                } catch (ComposeException e) {
                    outcomes[1]++;
                } catch (RuntimeException | StackOverflowError e) {
                    fail("case " + i + ": " + e + " for input:\n" + input, e);
                }
            }
        });
        assertTrue(outcomes[1] > 0 && outcomes[0] > 0, "both loads and rejections happen: " + outcomes[0] + "/" + outcomes[1]);
    }

    private static String mutate(String seed, Random r) {
        switch (r.nextInt(4)) {
            case 0 -> {
                StringBuilder sb = new StringBuilder(seed);
                for (int k = 0, n = 1 + r.nextInt(8); k < n && sb.length() > 0; k++) {
                    int at = r.nextInt(sb.length());
                    switch (r.nextInt(3)) {
                        case 0 -> sb.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                        case 1 -> sb.deleteCharAt(at);
                        default -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    }
                }
                return sb.toString();
            }
            case 1 -> {
                List<String> lines = new ArrayList<>(List.of(seed.split("\n", -1)));
                int a = r.nextInt(lines.size());
                int b = r.nextInt(lines.size());
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
                if (r.nextBoolean() && lines.size() > 1) {
                    lines.remove(r.nextInt(lines.size()));
                }
                return String.join("\n", lines);
            }
            case 2 -> {
                StringBuilder sb = new StringBuilder();
                for (int k = 0, n = r.nextInt(200); k < n; k++) {
                    sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
                return sb.toString();
            }
            default -> {
                return seed;
            }
        }
    }
}
