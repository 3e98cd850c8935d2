package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.interpolation.Interpolator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds mutated corpus files and random text to {@link YamlReader#readAll} and {@link Interpolator#interpolate}:
 * only {@link ComposeException} may come out, and nothing may hang. Fixed seed, so a failure reproduces.
 */
class LoaderFuzzTest {
    private static final Path CORPUS = dev.jcompose.model.SharedCorpus.path("");
    private static final String ALPHABET = "ab:- \n\t#'\"{}[],&*!|>%@`$\\?=0123456789.\r\u00e9\ufeff";
    private static final String[] PIECES = {"${", "}", "$$", "${A:-", "${A:?x}", "&a ", "*a", "<<: *a", "- ", ": ", "!!str ",
        "!reset ", "\"", "'", "|\n", ">-\n", "{", "[", "\t", "---\n", "...\n", "? ", "%YAML 1.2\n", "\\u00", "\\x"};

    private static List<String> seeds() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().limit(400).map(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            return "";
                        }
                    }).filter(t -> !t.isEmpty() && t.length() < 20_000).toList();
        }
    }

    private static String mutate(String text, Random rnd) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + rnd.nextInt(4);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(5)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                case 2 -> sb.insert(at, PIECES[rnd.nextInt(PIECES.length)]);
                case 3 -> sb.setCharAt(at, (char) rnd.nextInt(0x80));
                default -> {
                    int end = Math.min(sb.length(), at + rnd.nextInt(40));
                    String cut = sb.substring(at, end);
                    sb.delete(at, end);
                    sb.insert(rnd.nextInt(sb.length() + 1), cut);
                }
            }
        }
        return sb.toString();
    }

    private static String random(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(120);
        for (int i = 0; i < n; i++) {
            sb.append(rnd.nextInt(4) == 0 ? PIECES[rnd.nextInt(PIECES.length)] : String.valueOf(ALPHABET.charAt(rnd.nextInt(ALPHABET.length()))));
        }
        return sb.toString();
    }

    /** Runs one input; returns a description when something other than ComposeException escapes. */
    private static String run(String text) {
        try {
            for (YNode doc : YamlReader.readAll("fuzz.yaml", text)) {
                Interpolator.interpolate(doc, k -> k.startsWith("A") ? Optional.of("1") : Optional.empty(), "");
            }
            return null;
        } catch (ComposeException e) {
            assertFalse(e.getMessage().isBlank(), "blank ComposeException message");
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return e + " on input " + text.substring(0, Math.min(200, text.length())).replace("\n", "\\n");
        }
    }

    @Test
    void onlyComposeExceptionsComeOutAndNothingHangs() throws IOException {
        List<String> seeds = seeds();
        assertFalse(seeds.isEmpty(), "no corpus files under " + CORPUS.toAbsolutePath());
        Random rnd = new Random(20261122L);
        List<String> failures = new ArrayList<>();
        int[] cases = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int i = 0; i < 20_000; i++) {
                String input = i % 3 == 0 ? random(rnd) : mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                String failure = run(input);
                cases[0]++;
                if (failure != null && failures.size() < 10) {
                    failures.add(failure);
                }
            }
        });
        assertTrue(cases[0] == 20_000, "ran " + cases[0]);
        assertTrue(failures.isEmpty(), failures.size() + " inputs broke the loader:\n" + String.join("\n", failures));
    }
}
