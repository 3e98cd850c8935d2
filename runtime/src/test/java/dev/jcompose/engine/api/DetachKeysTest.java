package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetachKeysTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String filter(DetachKeys k, String in) {
        byte[] b = bytes(in);
        return new String(k.filter(b, b.length), StandardCharsets.ISO_8859_1);
    }

    @Test
    void defaultIsCtrlPCtrlQAndDropsTheSequence() {
        DetachKeys k = DetachKeys.parse(null);
        assertEquals("ls\n", filter(k, "ls\n\u0010"));
        assertFalse(k.detached(), "half the sequence: held back, not yet detached");
        assertEquals("", filter(k, "\u0011after"));
        assertTrue(k.detached());
    }

    @Test
    void aPrefixThatDoesNotCompleteGoesThrough() {
        DetachKeys k = DetachKeys.parse("");
        assertEquals("a\u0010b", filter(k, "a\u0010b"));
        assertEquals("\u0010", filter(k, "\u0010\u0010"), "the second ctrl-p may start the sequence again");
        assertEquals("", filter(k, "\u0011"));
        assertTrue(k.detached());
    }

    @Test
    void parsesDockersSyntax() {
        DetachKeys k = DetachKeys.parse("ctrl-x,x,ctrl-@,ctrl-_");
        byte[] in = {'1', 24, 'x', 0, 31};
        assertArrayEquals(bytes("1"), k.filter(in, in.length));
        assertTrue(k.detached());
        ApiError bad = assertThrows(ApiError.class, () -> DetachKeys.parse("ctrl-1"));
        assertTrue(bad.getMessage().contains("Invalid detach keys (ctrl-1)"), bad.getMessage());
    }
}
