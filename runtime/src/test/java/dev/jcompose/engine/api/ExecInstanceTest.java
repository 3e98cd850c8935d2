package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /exec/{id}/json} in Docker's shape: field names, order, and null ExitCode while running. */
class ExecInstanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void inspectHasDockersShape() throws Exception {
        ExecInstance e = new ExecInstance("e1", "c1", new ExecInstance.Config(List.of("sh", "-c", "true"), null, "nobody", null, null,
                true, false, true, true, null, "ctrl-x"));
        e.running = true;
        assertEquals("{\"ID\":\"e1\",\"Running\":true,\"ExitCode\":null,\"ProcessConfig\":{\"tty\":true,\"entrypoint\":\"sh\","
                + "\"arguments\":[\"-c\",\"true\"],\"privileged\":false,\"user\":\"nobody\"},\"OpenStdin\":false,\"OpenStderr\":true,"
                + "\"OpenStdout\":true,\"CanRemove\":false,\"ContainerID\":\"c1\",\"DetachKeys\":\"ctrl-x\",\"Pid\":0}",
                JSON.writeValueAsString(e.inspect()));
        e.running = false;
        e.exitCode = 3;
        ExecInstance bare = new ExecInstance("e2", "c2", new ExecInstance.Config(List.of("true"), null, null, null, null, null, null,
                null, null, null, null));
        assertEquals("{\"ID\":\"e2\",\"Running\":false,\"ExitCode\":null,\"ProcessConfig\":{\"tty\":false,\"entrypoint\":\"true\","
                + "\"arguments\":[],\"privileged\":false,\"user\":\"\"},\"OpenStdin\":false,\"OpenStderr\":false,\"OpenStdout\":false,"
                + "\"CanRemove\":false,\"ContainerID\":\"c2\",\"DetachKeys\":\"\",\"Pid\":0}", JSON.writeValueAsString(bare.inspect()));
        assertEquals(3, JSON.readTree(JSON.writeValueAsString(e.inspect())).get("ExitCode").asInt());
    }
}
