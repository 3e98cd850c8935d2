package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** cp's argument split and naming, and events' JSON and text lines. */
class CopyTargetAndEventTest {
    @Test
    void copyArgumentsSplitAsTheDockerCliSplitsThem() {
        CopyTarget c = CopyTarget.parse("web:/etc/passwd");
        assertEquals("web", c.service());
        assertEquals("/etc/passwd", c.path());
        assertEquals("passwd", c.baseName());
        assertEquals("/etc", c.parent());
        assertNull(CopyTarget.parse("/tmp/a:b").service(), "an absolute path is local even with a colon");
        assertNull(CopyTarget.parse("./a:b").service());
        assertTrue(CopyTarget.parse("-").local());
        CopyTarget contents = CopyTarget.parse("web:/data/.");
        assertTrue(contents.contentsOnly());
        assertEquals("/data", contents.cleanPath());
        assertEquals("/", CopyTarget.parse("web:/x").parent());
        assertEquals("dir", CopyTarget.parse("web:/a/dir/").baseName());
        assertFalse(CopyTarget.parse("web:/a/dir/").contentsOnly());
    }

    @Test
    void eventsAreJsonWithSortedKeysAndWithoutComposeLabels() throws Exception {
        var engineEvent = new ObjectMapper().readTree("""
                {"status":"die","id":"abc","Type":"container","Action":"die","Actor":{"ID":"abc","Attributes":{
                "com.docker.compose.project":"p","com.docker.compose.service":"web","name":"p-web-1","image":"tiny:1","exitCode":"3"}},
                "scope":"local","time":1764622800,"timeNano":1764622800123456789}""");
        ProjectEvent e = ProjectEvent.of(engineEvent);
        assertEquals("web", e.service());
        assertEquals("{\"action\":\"die\",\"attributes\":{\"exitCode\":\"3\",\"image\":\"tiny:1\",\"name\":\"p-web-1\"},\"id\":\"abc\","
                + "\"service\":\"web\",\"time\":\"2025-12-01T21:00:00.123456789Z\",\"type\":\"container\"}", e.json());
        assertEquals("2025-12-01 21:00:00.123456 container die abc (exitCode=3, image=tiny:1, name=p-web-1)", e.text(ZoneOffset.UTC));
    }
}
