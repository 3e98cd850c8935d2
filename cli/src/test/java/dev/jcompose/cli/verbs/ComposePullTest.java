package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.image.registry.OciImages;
import dev.jcompose.engine.image.registry.RegistryFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcompose pull} as a real process against its own engine and Debian's docker-registry on
 * loopback (images pushed by skopeo): named services only, {@code --include-deps}, {@code --policy},
 * {@code -q}, {@code --ignore-buildable}, {@code --ignore-pull-failures}, an image two services share
 * pulled once, and the skip reasons docker compose prints.
 */
@Tag("root")
class ComposePullTest {
    @TempDir
    Path dir;

    @Test
    void pullFlagsAsDockerCompose() throws Exception {
        String missing = RegistryFixture.missingTools();
        assumeTrue(missing == null, missing);
        try (CliFixture cli = CliFixture.start(dir.resolve("world")); RegistryFixture registry = RegistryFixture.start(dir.resolve("registry"))) {
            OciImages images = new OciImages(dir.resolve("build"));
            images.busybox("a", "echo a > who");
            images.busybox("c", "echo c > who");
            String a = registry.host() + "/images-pull/a:1";
            String c = registry.host() + "/images-pull/c:1";
            images.push("a", a);
            images.push("c", c);
            cli.compose("""
                    services:
                      a:
                        image: %1$s
                      twin:
                        image: %1$s
                      c:
                        image: %2$s
                        depends_on: [a]
                      local:
                        image: tiny:1
                        pull_policy: missing
                      built:
                        image: %3$s/images-pull/unpublished:1
                        build: .
                      broken:
                        image: %3$s/images-pull/absent:1
                    """.formatted(a, c, registry.host()));

            CliFixture.Run quiet = cli.run("pull", "-q", "c");
            assertEquals(0, quiet.code(), quiet.err());
            assertEquals("", quiet.err().strip(), "-q prints nothing");
            assertTrue(cli.hasImage(c));
            assertFalse(cli.hasImage(a), "a dependency is not pulled without --include-deps");

            CliFixture.Run deps = cli.run("pull", "--include-deps", "--policy", "missing", "c");
            assertEquals(0, deps.code(), deps.err());
            assertTrue(deps.err().contains(" Image " + c + " Skipped - Image is already present locally"), deps.err());
            assertTrue(deps.err().contains(" a Pulled"), deps.err());
            String layer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(images.remoteManifest(a)).path("layers").get(0)
                    .path("digest").asText().substring("sha256:".length(), "sha256:".length() + 12);
            assertTrue(deps.err().contains(" a Pulling\n"), deps.err());
            assertTrue(deps.err().matches("(?s).* " + layer + " Downloading \\[=*>? *\\] +[0-9.]+[kMG]?B/[0-9.]+[kMG]?B\n.*"),
                    "plain lines, not a TTY: the layer's byte counts as docker's bar: " + deps.err());
            assertTrue(deps.err().contains(" " + layer + " Extracting [") && deps.err().contains(" " + layer + " Pull complete\n"), deps.err());
            assertFalse(deps.err().contains("\033["), "no escape sequences off a terminal: " + deps.err());
            assertTrue(cli.hasImage(a));

            CliFixture.Run all = cli.run("pull");
            assertEquals(1, all.code(), "the broken image fails the pull: " + all.err());
            assertTrue(all.err().contains(" Image " + a + " Skipped - Image is already being pulled by a"), all.err());
            assertTrue(all.err().contains(" Image tiny:1 Skipped - Image is already present locally"), all.err());
            assertTrue(all.err().contains(" broken Error "), all.err());
            assertTrue(all.err().contains(" built Warning "), "a buildable service's failure is a warning: " + all.err());
            assertTrue(all.err().contains("WARNING: Some service image(s) must be built from source by running:\n    jcompose build built"),
                    all.err());
            assertTrue(all.err().contains(" c Pulled"), "--policy is not the default: c is pulled again: " + all.err());

            CliFixture.Run ignoring = cli.run("pull", "--ignore-pull-failures", "--ignore-buildable");
            assertEquals(0, ignoring.code(), ignoring.err());
            assertTrue(ignoring.err().contains(" broken Warning "), ignoring.err());
            assertTrue(ignoring.err().contains(" Image " + registry.host() + "/images-pull/unpublished:1 Skipped - Image can be built"),
                    ignoring.err());

            CliFixture.Run bad = cli.run("pull", "--policy", "sometimes");
            assertTrue(bad.code() != 0 && bad.err().contains("invalid --policy \"sometimes\": use missing or always"), bad.err());
        }
    }

    /** {@code up} pulls what is missing first, in its own Pulling block, as docker compose; {@code --pull never} does not. */
    @Test
    void upPullsMissingImagesBeforeCreating() throws Exception {
        String missing = RegistryFixture.missingTools();
        assumeTrue(missing == null, missing);
        try (CliFixture cli = CliFixture.start(dir.resolve("imgup")); RegistryFixture registry = RegistryFixture.start(dir.resolve("registry"))) {
            OciImages images = new OciImages(dir.resolve("build"));
            images.busybox("web", "echo web > who; ln -s busybox bin/sleep");
            String web = registry.host() + "/images-up/web:1";
            images.push("web", web);
            cli.compose("""
                    services:
                      web:
                        image: %s
                        command: sleep 30
                      local:
                        image: tiny:1
                        command: sleep 30
                    """.formatted(web));
            CliFixture.Run never = cli.run("up", "-d", "--pull", "never", "-t", "1");
            assertTrue(never.code() != 0 && never.err().contains("No such image"), "--pull never: nothing pulled: " + never.err());
            assertFalse(cli.hasImage(web));

            CliFixture.Run up = cli.run("up", "-d", "-t", "1");
            assertEquals(0, up.code(), up.err());
            assertTrue(cli.hasImage(web), "the missing image is pulled");
            assertTrue(up.err().contains(" web Pulling\n") && up.err().contains(" web Pulled\n"), up.err());
            assertTrue(up.err().indexOf(" web Pulled\n") < up.err().indexOf("Container imgup-web-1"), "pulled before the containers: " + up.err());
            assertFalse(up.err().contains(" local Pulling"), "a present image is not pulled (pull_policy missing): " + up.err());
            assertTrue(up.err().contains(" Pull complete\n"), "the layers' lines: " + up.err());
            assertTrue(cli.running("imgup-web-1"));

            cli.ok("down", "-t", "0");
            cli.ok("image", "rm", web);
            CliFixture.Run again = cli.run("up", "-d", "--quiet-pull", "-t", "1");
            assertEquals(0, again.code(), again.err());
            assertTrue(cli.hasImage(web), "pulled again");
            assertFalse(again.err().contains("Pull"), "--quiet-pull: no pull lines: " + again.err());

            CliFixture.Run tty = cli.run("--progress", "tty", "pull", "web");
            assertEquals(0, tty.code(), tty.err());
            assertTrue(tty.err().startsWith("\033[2K[+] Pulling 0/1\n"), "--progress tty: the block, redrawn in place: " + tty.err());
            assertTrue(tty.err().contains("\033[3F"), "moved up over the header, web and its layer to redraw: " + tty.err());
            String last = tty.err().substring(tty.err().lastIndexOf("[+] Pulling"));
            assertTrue(last.startsWith("[+] Pulling 2/2\n") && last.contains(" web ") && last.contains(" Already exists "),
                    "the last frame: web pulled, its layer already there: " + last);
            cli.ok("down", "-t", "0");
        }
    }
}
