package dev.jcompose.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.compose.ContainerSummaries;
import dev.jcompose.cli.compose.PsContainer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsFormatTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    private static PsContainer container(String json) throws Exception {
        try (var parser = new JsonFactory().createParser("[" + json + "]")) {
            return ContainerSummaries.read(parser).get(0);
        }
    }

    private static final String WEB = """
            {"Id":"0123456789abcdef0123","Names":["/demo-web-1"],"Image":"tiny:1","Command":"sh -c 'echo hello; sleep 60'",
             "Created":1799999996,"State":"running","Status":"Up 2 seconds (healthy)",
             "Ports":[{"IP":"127.0.0.1","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},{"PrivatePort":443,"Type":"tcp"}],
             "Labels":{"com.docker.compose.project":"demo","com.docker.compose.service":"web","tier":"front"},
             "NetworkSettings":{"Networks":{"demo_default":{}}},"Mounts":[{"Type":"volume","Name":"demo_data"}]}""";
    private static final String DB = """
            {"Id":"fedcba9876543210fedc","Names":["/demo-db-1"],"Image":"tiny:1","Command":"sh",
             "Created":1799999000,"State":"exited","Status":"Exited (3) 5 seconds ago","Ports":[],
             "Labels":{"com.docker.compose.project":"demo","com.docker.compose.service":"db"}}""";

    private static String print(String format, boolean truncate) throws Exception {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);
        new PsFormat(format, NOW, truncate).print(out, List.of(container(WEB), container(DB)));
        out.flush();
        return s.toString();
    }

    @Test
    void defaultTableHasComposesColumns() throws Exception {
        assertEquals("""
                NAME         IMAGE    COMMAND                  SERVICE   CREATED          STATUS                     PORTS
                demo-web-1   tiny:1   "sh -c 'echo hello; …"   web       4 seconds ago    Up 2 seconds (healthy)     127.0.0.1:8080->80/tcp, 443/tcp
                demo-db-1    tiny:1   "sh"                     db        16 minutes ago   Exited (3) 5 seconds ago
                """, print("table", true));
    }

    @Test
    void goTemplatesWithAndWithoutTable() throws Exception {
        assertEquals("demo-web-1 web running Up 2 seconds (healthy) 127.0.0.1:8080->80/tcp, 443/tcp\ndemo-db-1 db exited Exited (3) 5 seconds ago \n",
                print("{{.Name}} {{.Service}} {{.State}} {{.Status}} {{.Ports}}", true));
        assertEquals("""
                NAME         STATE     HEALTH    EXIT CODE
                demo-web-1   running   healthy   0
                demo-db-1    exited              3
                """, print("table {{.Name}}\\t{{.State}}\\t{{.Health}}\\t{{.ExitCode}}", true));
        assertEquals("front|\"web\"|0123456789ab\nfedcba9876543210fedc\n", print("{{.Label \"tier\"}}|{{json .Service}}|{{.ID}}", true)
                .lines().findFirst().get() + "\n" + print("{{.ID}}", false).lines().skip(1).findFirst().get() + "\n");
        UserError e = assertThrows(UserError.class, () -> print("{{.Nope}}", true));
        assertTrue(e.getMessage().contains("can't evaluate \".Nope\""), e.getMessage());
    }

    @Test
    void jsonIsOneObjectPerLineWithComposesFields() throws Exception {
        List<String> lines = print("json", true).lines().toList();
        assertEquals(2, lines.size());
        var web = new ObjectMapper().readTree(lines.get(0));
        assertEquals("demo-web-1", web.path("Name").asText());
        assertEquals("web", web.path("Service").asText());
        assertEquals("demo", web.path("Project").asText());
        assertEquals("healthy", web.path("Health").asText());
        assertEquals("0123456789abcdef0123", web.path("ID").asText());
        assertEquals("\"sh -c 'echo hello; sleep 60'\"", web.path("Command").asText());
        assertEquals(8080, web.path("Publishers").path(0).path("PublishedPort").asInt());
        assertEquals("127.0.0.1", web.path("Publishers").path(0).path("URL").asText());
        assertEquals(0, web.path("Publishers").path(1).path("PublishedPort").asInt());
        assertEquals("demo_default", web.path("Networks").asText());
        assertEquals(1, web.path("LocalVolumes").asInt());
        assertEquals(List.of("Command", "CreatedAt", "ExitCode", "Health", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Name", "Names",
                "Networks", "Ports", "Project", "Publishers", "RunningFor", "Service", "Size", "State", "Status"),
                iterable(web.fieldNames()));
        assertEquals(3, new ObjectMapper().readTree(lines.get(1)).path("ExitCode").asInt());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void commandIsQuotedAsGosStrconvQuote() {
        assertEquals("\"sh -c 'sleep 1'\"", PsFields.quote("sh -c 'sleep 1'"));
        assertEquals("\"echo \\\"a\\\\b\\\"\\n\\tc\\x01\"", PsFields.quote("echo \"a\\b\"\n\tc\u0001"));
        assertEquals("\"sh -c 'echo hello; …\"", PsFields.quote("sh -c 'echo hello; …"));
    }
}
