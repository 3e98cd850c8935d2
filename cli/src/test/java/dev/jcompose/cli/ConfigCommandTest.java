package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config --no-consistency}, as docker/compose config_test.go TestLocalComposeConfigNoConsistency runs it:
 * the model's consistency is not checked, so an incomplete service (no image, no build) is listed and hashed.
 * {@code config --no-normalize}: nothing compose-go's normaliser (loader/normalize.go) adds is added.
 */
class ConfigCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        String[] full = new String[args.length + 4];
        full[0] = "-f";
        full[1] = dir.resolve("compose.yaml").toString();
        full[2] = "-p";
        full[3] = "model-config";
        System.arraycopy(args, 0, full, 4, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dispatch.run(java.util.List.of(full), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void noConsistencyListsAndHashesAnIncompleteService() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  incomplete:
                    volumes:
                      - data:/data
                    networks:
                      - internal
                    models:
                      llm:
                  gated:
                    profiles: ["extra"]
                volumes:
                  data:
                networks:
                  internal:
                models:
                  llm:
                    model: ai/example
                """);
        Run checked = run("config", "--services");
        assertNotEquals(0, checked.code());
        assertTrue(checked.err().contains("service \"incomplete\" has neither an image nor a build context specified"), checked.err());
        assertEquals(new Run(0, "incomplete\n", ""), run("config", "--no-consistency", "--services"));
        assertEquals("data\n", run("config", "--no-consistency", "--volumes").out());
        assertEquals("internal\n", run("config", "--no-consistency", "--networks").out());
        assertEquals("ai/example\n", run("config", "--no-consistency", "--models").out());
        assertTrue(run("config", "--no-consistency", "--hash", "*").out().matches("incomplete [0-9a-f]{64}\n"));
        assertTrue(run("config", "--no-consistency").out().contains("  incomplete:\n"));
        Run gated = run("--profile", "extra", "config", "--no-consistency", "--services");
        assertEquals("gated\nincomplete\n", gated.out(), gated.err());
    }

    @Test
    void noNormalizeAddsNoDefaultNetworkNamesBuildDefaultsOrImplicitDependencies() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: example/web
                    pull_policy: if_not_present
                    links: [db]
                    build:
                      args:
                        UNSET_BUILD_ARG_FOR_TEST:
                  db:
                    image: example/db
                    volumes: ["data:/var/lib/db"]
                  side:
                    image: example/side
                    network_mode: service:db
                volumes:
                  data:
                networks:
                  back:
                """);
        Run raw = run("config", "--no-normalize");
        assertEquals(new Run(0, """
                name: model-config
                services:
                  db:
                    image: example/db
                    volumes:
                      - type: volume
                        source: data
                        target: /var/lib/db
                        volume: {}
                  side:
                    image: example/side
                    network_mode: service:db
                  web:
                    build:
                      args:
                        UNSET_BUILD_ARG_FOR_TEST: null
                    image: example/web
                    links:
                      - db
                    pull_policy: if_not_present
                networks:
                  back: {}
                volumes:
                  data: {}
                """, ""), raw);
        String normalized = run("config").out();
        for (String added : new String[] {"      default: null\n", "    name: model-config_default\n", "    name: model-config_back\n",
            "    name: model-config_data\n", "      context: " + dir + "\n", "      dockerfile: Dockerfile\n", "    depends_on:\n",
            "    pull_policy: missing\n"}) {
            assertTrue(normalized.contains(added), added + " missing from\n" + normalized);
        }
    }
}
