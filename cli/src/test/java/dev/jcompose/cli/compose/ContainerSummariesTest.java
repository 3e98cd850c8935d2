package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container list read for {@code ps} with the streaming parser: Docker's {@code ContainerSummary} fields, the rest skipped. */
class ContainerSummariesTest {
    private static List<PsContainer> read(String json) throws IOException {
        try (var p = new JsonFactory().createParser(json)) {
            return ContainerSummaries.read(p);
        }
    }

    @Test
    void readsTheFieldsPsShowsAndSkipsTheRest() throws IOException {
        List<PsContainer> list = read("""
                [{"Id":"abc123","Names":["/demo-web-1","/alias"],"Image":"tiny:1","ImageID":"sha256:00","Command":"sh -c 'x'",
                  "Created":1799999996,"State":"running","Status":"Up 2 seconds (unhealthy)",
                  "Ports":[{"IP":"127.0.0.1","PrivatePort":8080,"PublicPort":18080,"Type":"tcp"},{"PrivatePort":53,"Type":"udp"},
                           {"PrivatePort":80,"PublicPort":8000,"Type":"tcp"}],
                  "Labels":{"com.docker.compose.project":"demo","com.docker.compose.service":"web","com.docker.compose.oneoff":"False"},
                  "HostConfig":{"NetworkMode":"demo_default","Annotations":{"a":[1,{"b":null}]}},
                  "NetworkSettings":{"Networks":{"demo_front":{"IPAddress":"10.0.0.2","Aliases":["web"]},"demo_back":{}}},
                  "Mounts":[{"Type":"volume","Name":"demo_data","Source":"/var/lib/x","Destination":"/data"},
                            {"Type":"bind","Source":"/srv/conf","Destination":"/conf","RW":false}]},
                 {"Id":"def456","Names":["/demo-db-1"],"Image":"tiny:1","Command":"sh","Created":5,"State":"exited",
                  "Status":"Exited (3) 5 seconds ago","Ports":[],"Labels":null,"Mounts":null}]""");
        assertEquals(2, list.size());
        PsContainer web = list.get(0);
        assertEquals("abc123", web.id());
        assertEquals("demo-web-1", web.name());
        assertEquals("sh -c 'x'", web.command());
        assertEquals(1799999996L, web.created());
        assertEquals("demo", web.project());
        assertEquals("web", web.service());
        assertEquals("unhealthy", web.health());
        assertEquals(List.of(new PsContainer.Publisher("", 53, 0, "udp"), new PsContainer.Publisher("0.0.0.0", 80, 8000, "tcp"),
                new PsContainer.Publisher("127.0.0.1", 8080, 18080, "tcp")), web.publishers());
        assertEquals(List.of("demo_front", "demo_back"), web.networks());
        assertEquals(List.of("demo_data", "/srv/conf"), web.mounts());
        assertEquals(1, web.localVolumes());
        assertEquals(false, web.oneOff());
        PsContainer db = list.get(1);
        assertEquals("exited", db.state());
        assertEquals(3, db.exitCode());
        assertEquals(Map.of(), db.labels());
        assertEquals("", db.service());
        assertEquals(List.of(), db.mounts());
    }

    @Test
    void anEmptyListAndABadAnswer() throws IOException {
        assertEquals(List.of(), read("[]"));
        assertEquals(List.of(), read(""));
        assertThrows(IOException.class, () -> read("{\"message\":\"not a list\"}"));
        assertThrows(IOException.class, () -> read("[{\"Id\":\"x\""));
    }
}
