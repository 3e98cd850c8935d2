package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.ImageRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code filters} of {@code GET /images/json} and {@code POST /images/prune}, both JSON forms
 * docker clients send ({@code {"reference":["busybox*"]}} and {@code {"reference":{"busybox*":true}}}):
 * {@code reference} (a glob on the familiar name or name:tag, {@code *} not crossing {@code /}),
 * {@code dangling} (no tag), {@code label} ({@code key} or {@code key=value}), {@code before} and
 * {@code since} (an image name or ID: images created strictly before the earliest, after the latest
 * named, as docker compares them; an unknown name is a 404 {@code No such image}).
 */
final class ImageFilters {
    private static final Set<String> KNOWN = Set.of("reference", "dangling", "label", "before", "since");

    private ImageFilters() {
    }

    /**
     * @param labels  an image's labels (from its config)
     * @param resolve the image a name or ID stands for ({@code before}/{@code since}), empty when there is none
     */
    static Predicate<ImageRecord> parse(String raw, ObjectMapper json, Function<ImageRecord, Map<String, String>> labels,
                                        Function<String, Optional<ImageRecord>> resolve, Set<String> allowed) throws IOException {
        Predicate<ImageRecord> p = r -> true;
        if (raw == null || raw.isBlank()) {
            return p;
        }
        JsonNode root = json.readTree(raw);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!KNOWN.contains(name) || !allowed.contains(name)) {
                throw ApiError.badRequest("invalid filter '" + name + "'");
            }
        }
        List<String> references = values(root.path("reference"));
        if (!references.isEmpty()) {
            List<Pattern> globs = references.stream().map(ImageFilters::glob).toList();
            p = p.and(r -> r.repoTags().stream().anyMatch(tag -> matches(globs, tag)));
        }
        for (String dangling : values(root.path("dangling"))) {
            if (!dangling.matches("(?i)true|false|1|0")) {
                throw ApiError.badRequest("invalid filter 'dangling=" + dangling + "'");
            }
            boolean want = dangling.equalsIgnoreCase("true") || dangling.equals("1");
            p = p.and(r -> r.repoTags().isEmpty() == want);
        }
        for (String label : values(root.path("label"))) {
            int eq = label.indexOf('=');
            p = p.and(eq < 0 ? r -> labels.apply(r).containsKey(label)
                    : r -> label.substring(eq + 1).equals(labels.apply(r).get(label.substring(0, eq))));
        }
        Optional<Instant> before = values(root.path("before")).stream().map(name -> createdOf(name, resolve)).min(Instant::compareTo);
        if (before.isPresent()) {
            p = p.and(r -> createdAt(r).isBefore(before.get()));
        }
        Optional<Instant> since = values(root.path("since")).stream().map(name -> createdOf(name, resolve)).max(Instant::compareTo);
        if (since.isPresent()) {
            p = p.and(r -> createdAt(r).isAfter(since.get()));
        }
        return p;
    }

    private static Instant createdOf(String name, Function<String, Optional<ImageRecord>> resolve) {
        return createdAt(resolve.apply(name).orElseThrow(() -> ApiError.notFound("No such image: " + name)));
    }

    /** When an image was created (its config's {@code created}); the epoch when it gives none. */
    static Instant createdAt(ImageRecord r) {
        try {
            return Instant.parse(r.created());
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /**
     * With a {@code reference} filter, docker lists only the matching tags of each image: this says
     * which tags to show (every tag when there is no such filter).
     */
    static Predicate<String> shownTags(String raw, ObjectMapper json) throws IOException {
        List<String> references = raw == null || raw.isBlank() ? List.of() : values(json.readTree(raw).path("reference"));
        if (references.isEmpty()) {
            return tag -> true;
        }
        List<Pattern> globs = references.stream().map(ImageFilters::glob).toList();
        return tag -> matches(globs, tag);
    }

    /** The values of one filter, from either JSON form. */
    static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().asBoolean(false)) {
                    out.add(e.getKey());
                }
            });
        }
        return out;
    }

    private static boolean matches(List<Pattern> globs, String tag) {
        ImageReference ref = ImageReference.parse(tag);
        return globs.stream().anyMatch(g -> g.matcher(ref.familiarName()).matches() || g.matcher(ref.familiarString()).matches());
    }

    /** A shell glob as Go's path.Match: {@code *} and {@code ?} stop at {@code /}, {@code [...]} classes. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        throw ApiError.badRequest("invalid reference filter \"" + glob + "\": syntax error in pattern");
                    }
                    String cls = glob.substring(i + 1, end);
                    re.append('[').append(cls.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "\\&\\&")).append(']');
                    i = end;
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
