package dev.jcompose.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameTableTest {
    private final NameTable table = new NameTable.Builder()
            .network("v4", "10.1.0.0/24", "10.1.0.1").network("v6", "fd00:9::/64", "fd00:9::1")
            .add("v4", "demo-api-1", "10.1.0.2").add("v4", "api", "10.1.0.2")
            .add("v6", "demo-api-1", "fd00:9::2").add("v6", "api", "fd00:9::2")
            .searchDomain("corp.example.").build();

    @Test
    void ipv6AskersAreScopedByTheirSubnet() {
        assertEquals(List.of("fd00:9::2"), table.lookup("fd00:9::7", "API"));
        assertEquals(List.of("10.1.0.2"), table.lookup("10.1.0.9", "api.corp.example."));
        assertEquals(List.of(), table.lookup("fd00:8::7", "api"));
        assertEquals(List.of("fd00:9::1"), table.lookup("fd00:9::7", NameTable.HOST_NAME));
    }

    @Test
    void reverseGivesTheContainerNameOnlyToMembers() {
        assertEquals("demo-api-1", table.reverse("10.1.0.9", "10.1.0.2"));
        assertEquals("demo-api-1", table.reverse("fd00:9::7", "fd00:9::2"));
        assertNull(table.reverse("10.2.0.9", "10.1.0.2"));
    }

    @Test
    void aLinkAliasResolvesOnlyForTheLinkingContainerAndBeforeSharedNames() {
        NameTable t = new NameTable.Builder().network("n", "10.3.0.0/24", "10.3.0.1")
                .add("n", "demo-db-1", "10.3.0.2").add("n", "other", "10.3.0.5").add("n", "database", "10.3.0.5")
                .link("10.3.0.3", "Database", "10.3.0.2").build();
        assertEquals(List.of("10.3.0.2", "10.3.0.5"), t.lookup("10.3.0.3", "database"));
        assertEquals(List.of("10.3.0.5"), t.lookup("10.3.0.4", "database"));
        assertEquals(List.of(), t.lookup("10.3.0.4", "demo-web"));
    }
}
