package dev.jcompose.engine.image.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.ImageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageChangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String apply(String... changes) {
        return ImageChanges.apply(JSON.createObjectNode(), List.of(changes)).toString();
    }

    @Test
    void execAndShellForms() {
        assertEquals("{\"Cmd\":[\"sh\",\"-c\",\"echo hi\"]}", apply("CMD [\"sh\", \"-c\", \"echo hi\"]"));
        assertEquals("{\"Entrypoint\":[\"/bin/sh\",\"-c\",\"exec top -b\"]}", apply("entrypoint exec top -b"));
        assertEquals("{\"Cmd\":[\"/bin/sh\",\"-c\",\"[not json\"]}", apply("CMD [not json"));
    }

    @Test
    void envLabelsAndTheLegacyEnvForm() {
        assertEquals("{\"Env\":[\"B=2\",\"A=one two\",\"C=x y\"]}", apply("ENV A=1 B=2", "ENV A=\"one two\"", "ENV C x y"));
        assertEquals("{\"Labels\":{\"a\":\"1\",\"b.c\":\"two words\"}}", apply("LABEL a=1 b.c='two words'"));
    }

    @Test
    void workdirUserExposeVolume() {
        assertEquals("{\"WorkingDir\":\"/app/src\",\"User\":\"1000:1000\"}", apply("WORKDIR /app", "WORKDIR src", "USER 1000:1000"));
        assertEquals("{\"ExposedPorts\":{\"80/tcp\":{},\"53/udp\":{},\"8000/tcp\":{},\"8001/tcp\":{}}}", apply("EXPOSE 80 53/UDP 8000-8001"));
        assertEquals("{\"Volumes\":{\"/data\":{},\"/logs\":{}}}", apply("VOLUME [\"/data\", \"/logs\"]"));
    }

    @Test
    void errorsNameTheChange() {
        assertEquals("RUN is not a valid change command", assertThrows(ImageException.class, () -> apply("RUN echo")).getMessage());
        assertEquals("change \"EXPOSE http\": invalid port \"http\"", assertThrows(ImageException.class, () -> apply("EXPOSE http")).getMessage());
        assertEquals("change \"LABEL novalue\": \"novalue\" is not KEY=VALUE",
                assertThrows(ImageException.class, () -> apply("LABEL novalue")).getMessage());
        assertEquals("change \"USER\": the instruction needs an argument", assertThrows(ImageException.class, () -> apply("USER")).getMessage());
    }
}
