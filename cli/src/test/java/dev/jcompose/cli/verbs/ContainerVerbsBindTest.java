package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.cli.args.ArgsParser;
import dev.jcompose.cli.args.ParsedArgs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** stop/restart's {@code -t} read once by their base (start has none: each container's own timeout). */
class ContainerVerbsBindTest {
    private static <T extends ContainerVerbs.Planned> T bound(T verb, String... args) {
        ParsedArgs parsed = ArgsParser.parse(verb.spec(), List.of(args));
        verb.bind(parsed);
        return verb;
    }

    @Test
    void timeoutAndServices() {
        ContainerVerbs.Stop stop = bound(new ContainerVerbs.Stop(), "-t", "0", "web");
        assertEquals(0, stop.timeout);
        assertEquals(List.of("web"), stop.services);
        assertEquals(-1, bound(new ContainerVerbs.Stop()).timeout);
        ContainerVerbs.Restart restart = bound(new ContainerVerbs.Restart(), "--no-deps", "--timeout=7", "db");
        assertEquals(7, restart.timeout);
        assertTrue(restart.noDeps);
        assertEquals(-1, bound(new ContainerVerbs.Start(), "web").timeout);
    }
}
