package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ImageFiltersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ALL = Set.of("reference", "dangling", "label", "before", "since");

    private static ImageRecord image(String... tags) {
        return new ImageRecord(Digest.of(String.join(",", tags)), List.of(tags), List.of(), Digest.of("m"), "", null, "linux/amd64",
                List.of(), "", 0);
    }

    private static Predicate<ImageRecord> parse(String raw) throws Exception {
        return ImageFilters.parse(raw, JSON, r -> r.repoTags().isEmpty() ? Map.of() : Map.of("tier", "web"), name -> Optional.empty(), ALL);
    }

    private static ImageRecord created(String tag, String created) {
        return new ImageRecord(Digest.of(tag), List.of(tag), List.of(), Digest.of("m"), "", null, "linux/amd64", List.of(), created, 0);
    }

    @Test
    void beforeAndSinceCompareCreationTimesWithTheNamedImagesStrictly() throws Exception {
        ImageRecord old = created("example.com/old:1", "2020-01-01T00:00:00Z");
        ImageRecord mid = created("example.com/mid:1", "2021-06-01T12:00:00.5+02:00");
        ImageRecord twin = created("example.com/twin:1", "2021-06-01T10:00:00.500Z");
        ImageRecord fresh = created("example.com/fresh:1", "2024-01-01T00:00:00.123456789Z");
        ImageRecord undated = created("example.com/undated:1", "");
        List<ImageRecord> all = List.of(old, mid, twin, fresh, undated);
        java.util.function.Function<String, Optional<ImageRecord>> resolve = name -> all.stream()
                .filter(r -> r.repoTags().contains(name)).findFirst();
        java.util.function.Function<String, List<ImageRecord>> list = raw -> {
            try {
                return all.stream().filter(ImageFilters.parse(raw, JSON, r -> Map.of(), resolve, ALL)).toList();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(List.of(old, undated), list.apply("{\"before\":[\"example.com/mid:1\"]}"), "an equal time (twin) is not before");
        assertEquals(List.of(fresh), list.apply("{\"since\":[\"example.com/mid:1\"]}"));
        assertEquals(List.of(old, undated), list.apply("{\"before\":[\"example.com/fresh:1\",\"example.com/twin:1\"]}"),
                "several before values: the earliest counts");
        assertEquals(List.of(mid, twin), list.apply("{\"since\":{\"example.com/old:1\":true},\"before\":[\"example.com/fresh:1\"]}"));
        ApiError missing = assertThrows(ApiError.class, () -> list.apply("{\"since\":[\"example.com/nothing:1\"]}"));
        assertEquals(404, missing.status());
        assertEquals("No such image: example.com/nothing:1", missing.getMessage());
    }

    @Test
    void referenceGlobsMatchFamiliarNamesWithOrWithoutTagAndStopAtSlashes() throws Exception {
        ImageRecord busybox = image("docker.io/library/busybox:1.36");
        ImageRecord mine = image("example.com/team/app:2");
        assertTrue(parse("{\"reference\":[\"busybox\"]}").test(busybox));
        assertTrue(parse("{\"reference\":{\"busybox:1.*\":true}}").test(busybox));
        assertFalse(parse("{\"reference\":[\"busybox:2*\"]}").test(busybox));
        assertFalse(parse("{\"reference\":[\"example.com/*\"]}").test(mine), "* does not cross /");
        assertTrue(parse("{\"reference\":[\"example.com/*/*\"]}").test(mine));
        assertTrue(parse("{\"reference\":[\"example.com/team/ap[op]\"]}").test(mine));
    }

    @Test
    void danglingAndLabels() throws Exception {
        assertTrue(parse("{\"dangling\":[\"true\"]}").test(image()));
        assertFalse(parse("{\"dangling\":{\"true\":true}}").test(image("a:1")));
        assertTrue(parse("{\"label\":[\"tier=web\"]}").test(image("a:1")));
        assertFalse(parse("{\"label\":[\"tier=db\"]}").test(image("a:1")));
        assertTrue(parse("{\"label\":[\"tier\"]}").test(image("a:1")));
    }

    @Test
    void unknownFiltersAreRejected() {
        ApiError e = assertThrows(ApiError.class, () -> parse("{\"colour\":[\"blue\"]}"));
        assertEquals("invalid filter 'colour'", e.getMessage());
    }
}
