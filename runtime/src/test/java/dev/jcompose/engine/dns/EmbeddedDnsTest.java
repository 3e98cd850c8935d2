package dev.jcompose.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Answers from the name table: scoped to the asker's networks, rotated over replicas, SERVFAIL without an upstream (as Docker). */
class EmbeddedDnsTest {
    private final EmbeddedDns dns = new EmbeddedDns(List.of());

    private Message ask(String asker, String name) throws Exception {
        Message q = Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, 1));
        return new Message(dns.answer(asker, q.toWire()));
    }

    private static List<String> addresses(Message m) {
        return m.getSection(Section.ANSWER).stream().map(r -> r.rdataToString()).toList();
    }

    @Test
    void scopedRoundRobinAndRefusedOtherwise() throws Exception {
        dns.update(new NameTable.Builder().network("a_default", "10.1.0.0/24").network("b_default", "10.2.0.0/24")
                .add("a_default", "web", "10.1.0.5").add("a_default", "web", "10.1.0.6").add("b_default", "db", "10.2.0.7").build());
        Message first = ask("10.1.0.9", "web");
        assertEquals(Rcode.NOERROR, first.getRcode());
        assertEquals(2, addresses(first).size());
        assertEquals(List.of(addresses(first).get(1), addresses(first).get(0)), addresses(ask("10.1.0.9", "WEB")),
                "names are case-insensitive and answers rotate");
        assertEquals(Rcode.SERVFAIL, ask("10.1.0.9", "db").getRcode(), "db is on another network");
        assertEquals(List.of("10.2.0.7"), addresses(ask("10.2.0.3", "db")));
        assertEquals(Rcode.SERVFAIL, ask("10.1.0.9", "example.com").getRcode(), "no upstream: nothing leaves the machine");
    }
}
