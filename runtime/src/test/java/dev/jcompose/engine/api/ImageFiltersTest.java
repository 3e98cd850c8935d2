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
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ImageFiltersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ALL = Set.of("reference", "dangling", "label");

    private static ImageRecord image(String... tags) {
        return new ImageRecord(Digest.of(String.join(",", tags)), List.of(tags), List.of(), Digest.of("m"), "", null, "linux/amd64",
                List.of(), "", 0);
    }

    private static Predicate<ImageRecord> parse(String raw) throws Exception {
        return ImageFilters.parse(raw, JSON, r -> r.repoTags().isEmpty() ? Map.of() : Map.of("tier", "web"), ALL);
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
