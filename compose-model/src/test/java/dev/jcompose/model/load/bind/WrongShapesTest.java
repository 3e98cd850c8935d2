package dev.jcompose.model.load.bind;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every service attribute given a value of the wrong shape either binds or fails with a located
 * {@link ComposeException} — never a ClassCastException, NullPointerException or NumberFormatException.
 */
class WrongShapesTest {
    private static final List<String> KEYS = List.of("image", "build", "command", "entrypoint", "environment", "env_file", "ports",
            "expose", "volumes", "tmpfs", "depends_on", "networks", "network_mode", "links", "healthcheck", "deploy", "restart",
            "labels", "annotations", "container_name", "hostname", "user", "group_add", "working_dir", "stop_signal",
            "stop_grace_period", "init", "tty", "stdin_open", "privileged", "read_only", "cap_add", "cap_drop", "security_opt",
            "sysctls", "ulimits", "logging", "devices", "dns", "dns_search", "extra_hosts", "ipc", "pid", "shm_size", "mem_limit",
            "memswap_limit", "mem_swappiness", "oom_kill_disable", "oom_score_adj", "cpus", "cpu_shares", "pids_limit",
            "blkio_config", "secrets", "configs", "profiles", "scale", "runtime", "storage_opt", "volumes_from", "attach",
            "post_start", "pre_stop", "develop");
    private static final List<String> SHAPES = List.of("{a: {b: c}}", "[{x: 1}]", "[[x]]", "notanumber", "-7");

    @Test
    void wrongShapesGiveComposeExceptionsOnly() {
        int located = 0;
        for (String key : KEYS) {
            for (String shape : SHAPES) {
                String yaml = "services:\n  web:\n    " + (key.equals("image") ? "build: ." : "image: nginx") + "\n    "
                        + key + ": " + shape + "\n";
                YMap tree = (YMap) YamlReader.read("compose.yaml", yaml).orElseThrow();
                try {
                    ProjectBinder.bind("demo", Path.of("/srv"), List.of(), tree, n -> "h");
                } catch (ComposeException e) {
                    assertNotNull(e.mark(), key + ": " + shape);
                    assertTrue(e.getMessage().startsWith("compose.yaml:"), e.getMessage());
                    located++;
                } catch (RuntimeException e) {
                    fail(key + ": " + shape + " threw " + e);
                }
            }
        }
        assertTrue(located > KEYS.size(), "most wrong shapes are refused, got " + located);
    }
}
