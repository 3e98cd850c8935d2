package dev.jcompose.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.shim.UserNamespace;
import dev.jcompose.engine.shim.UserNamespace.IdMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --userns-remap values as dockerd reads them from /etc/subuid and /etc/subgid, and jcompose's explicit UID:GID:SIZE. */
class UsernsRemapTest {
    @TempDir
    Path etc;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(etc.resolve("passwd"), "root:x:0:0::/root:/bin/sh\ndockremap:x:998:997::/:/bin/false\ntestuser:x:1001:1001::/:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\ndockremap:x:997:\ntestuser:x:1001:\nstaff:x:50:\n");
        Files.writeString(etc.resolve("subuid"), "dockremap:100000:65536\ntestuser:231072:65536\n# comment\n1001:500000:1000\n");
        Files.writeString(etc.resolve("subgid"), "dockremap:100000:65536\ntestuser:231072:65536\nstaff:300000:65536\n");
    }

    @Test
    void defaultIsDockremap() {
        assertEquals(UserNamespace.of(100000, 100000, 65536), UsernsRemap.parse("default", etc));
    }

    @Test
    void aUsersRangesStackFromZeroInsideAndItsIdCountsToo() {
        UserNamespace ns = UsernsRemap.parse("testuser", etc);
        assertEquals(List.of(new IdMapping(0, 231072, 65536), new IdMapping(65536, 500000, 1000)), ns.uidMap(),
                "the entry by name, then the one by uid 1001, stacked as dockerd does");
        assertEquals(List.of(new IdMapping(0, 231072, 65536)), ns.gidMap());
        assertEquals(UsernsRemap.parse("testuser", etc), UsernsRemap.parse("1001", etc), "a numeric user is the same user");
        assertEquals(List.of(new IdMapping(0, 300000, 65536)), UsernsRemap.parse("testuser:staff", etc).gidMap());
    }

    @Test
    void anExplicitRangeNeedsNoEtcEntry() {
        assertEquals(UserNamespace.of(300000, 300007, 1000), UsernsRemap.parse("300000:300007:1000", Path.of("/nonexistent")));
    }

    @Test
    void errorsNameWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UsernsRemap.parse("nobody2", etc));
        assertTrue(e.getMessage().contains("no user \"nobody2\" in " + etc.resolve("passwd")), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UsernsRemap.parse("root", etc));
        assertEquals("--userns-remap: no subuid ranges found for \"root\" in " + etc.resolve("subuid"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UsernsRemap.parse("a:b:c:d", etc));
        assertTrue(e.getMessage().contains("expected default, USER[:GROUP] or UID:GID:SIZE"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UsernsRemap.parse("1:2:0", etc));
        assertTrue(e.getMessage().startsWith("--userns-remap \"1:2:0\": invalid id mapping"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UsernsRemap.parse("default", Path.of("/nonexistent")));
        assertTrue(e.getMessage().contains("useradd -r dockremap"), e.getMessage());
    }
}
