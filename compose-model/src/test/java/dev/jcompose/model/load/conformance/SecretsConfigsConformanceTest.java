package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.model.service.FileReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** secrets and configs: compose-go loader/full-struct_test.go (short and long forms, file paths, external) and undefined references. */
class SecretsConfigsConformanceTest {
    @TempDir
    Path dir;

    @Test
    void shortAndLongFormsAndTopLevelFiles() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    secrets:
                      - super
                      - source: super
                        target: /run/secrets/other
                        uid: "103"
                        gid: "103"
                        mode: 0440
                    configs:
                      - source: appcfg
                        target: /etc/app.cfg
                secrets:
                  super:
                    file: ./secret_data
                  ext:
                    external: true
                configs:
                  appcfg:
                    file: ./config_data
                """);
        List<FileReference> secrets = c.service("foo").storage().secrets();
        assertEquals(new FileReference("super", null, null, null, null), secrets.get(0));
        assertEquals(new FileReference("super", "/run/secrets/other", "103", "103", 0440), secrets.get(1));
        assertEquals(new FileReference("appcfg", "/etc/app.cfg", null, null, null), c.service("foo").storage().configs().get(0));
        Project p = c.project();
        assertEquals(dir.resolve("secret_data").toString(), p.secrets().get("super").file());
        assertEquals(true, p.secrets().get("ext").external());
        assertEquals(dir.resolve("config_data").toString(), p.configs().get("appcfg").file());
        assertEquals("""
                secrets:
                  - source: super
                  - source: super
                    target: /run/secrets/other
                    uid: "103"
                    gid: "103"
                    mode: 288
                """, c.attribute("foo", "secrets"));
    }

    @Test
    void anUndefinedSecretIsALocatedError() {
        String e = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    secrets: [nope]
                """).error();
        assertTrue(e.contains("compose.yaml:") && e.contains("refers to undefined secret nope"), e);
    }
}
