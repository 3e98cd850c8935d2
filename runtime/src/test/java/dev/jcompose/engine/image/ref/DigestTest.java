package dev.jcompose.engine.image.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DigestTest {
    @Test
    void digestOfContentIsSha256InLowercaseHex() {
        // sha256("") is a well-known constant
        assertEquals("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digest.of(new byte[0]).value());
        Digest d = Digest.of("hello");
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", d.hex());
        assertEquals("2cf24dba5fb0", d.shortHex());
        assertEquals(d, Digest.parse(d.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sha256:abc",
        "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
        "sha512:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 ",
        "sha256:g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    })
    void malformedDigestsAreRefusedOnConstruction(String text) {
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> Digest.parse(text));
        assertEquals("invalid digest \"" + text + "\": want sha256:<64 lowercase hex digits>", e.getMessage());
    }
}
