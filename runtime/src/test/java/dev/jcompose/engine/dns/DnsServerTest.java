package dev.jcompose.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The server on loopback sockets, asked by dnsjava clients bound to different 127.0.0.x source
 * addresses, each playing a container: network "front" is 127.0.0.0/30 (askers .2, .3), "back" is
 * 127.0.0.4/30 (asker .6). No query leaves loopback; the "upstream" is a second server in the test.
 */
class DnsServerTest {
    private final EmbeddedDns dns = new EmbeddedDns(List.of());
    private EmbeddedDns upstream;
    private int port;

    @AfterEach
    void close() {
        dns.close();
        if (upstream != null) {
            upstream.close();
        }
    }

    static int freePort(String address) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, 0))) {
            return s.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException("no free UDP port on " + address, e);
        }
    }

    /**
     * Listens on a port free for both UDP and TCP. A probed port can be taken by another process
     * before the bind (CI saw it once), so a taken port is retried with another.
     */
    static int listenOnFreePort(EmbeddedDns server, String address) throws java.io.IOException {
        java.io.IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate = freePort(address);
            try {
                server.listen(address, candidate);
                return candidate;
            } catch (java.io.IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static NameTable stack() {
        return new NameTable.Builder()
                .network("front", "127.0.0.0/30", "127.0.0.1").network("back", "127.0.0.4/30", "127.0.0.5")
                .add("front", "web", "127.0.0.2").add("front", "demo-web-1", "127.0.0.2")
                .add("front", "web", "127.0.0.3").add("front", "demo-web-2", "127.0.0.3")
                .add("front", "proxy-alias", "127.0.0.3").add("front", "web", "fd00::3")
                .add("back", "demo-db-1", "127.0.0.6").add("back", "db", "127.0.0.6")
                .searchDomain("demo.internal").build();
    }

    private Message ask(String from, String name, int type, boolean tcp, int toPort) throws Exception {
        SimpleResolver r = new SimpleResolver("127.0.0.1");
        r.setPort(toPort);
        r.setLocalAddress(new InetSocketAddress(InetAddress.getByName(from), 0));
        r.setTimeout(Duration.ofSeconds(3));
        r.setTCP(tcp);
        return r.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, 1)));
    }

    private Message ask(String from, String name, int type) throws Exception {
        return ask(from, name, type, false, port);
    }

    private static List<String> answers(Message m) {
        return m.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    @Test
    void answersAreScopedToTheAskersNetworks() throws Exception {
        dns.update(stack());
        port = listenOnFreePort(dns, "127.0.0.1");
        assertEquals(List.of("127.0.0.6"), answers(ask("127.0.0.6", "db.", Type.A)));
        assertEquals(Rcode.SERVFAIL, ask("127.0.0.2", "db.", Type.A).getRcode(), "db is not on front");
        assertEquals(Rcode.SERVFAIL, ask("127.0.0.6", "web.", Type.A).getRcode(), "web is not on back");
        assertEquals(List.of("127.0.0.3"), answers(ask("127.0.0.2", "Proxy-Alias.", Type.A)));
        assertEquals(List.of("127.0.0.2"), answers(ask("127.0.0.3", "demo-web-1.demo.internal.", Type.A)));
        assertEquals(600, ask("127.0.0.6", "db.", Type.A).getSection(Section.ANSWER).get(0).getTTL());
    }

    @Test
    void roundRobinOverReplicasOverUdpAndTcp() throws Exception {
        dns.update(stack());
        port = listenOnFreePort(dns, "127.0.0.1");
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            List<String> a = answers(ask("127.0.0.2", "web.", Type.A, i % 2 == 1, port));
            assertEquals(Set.of("127.0.0.2", "127.0.0.3"), Set.copyOf(a));
            firsts.add(a.get(0));
        }
        assertEquals(2, firsts.size(), "each replica comes first in turn");
        List<String> v6 = answers(ask("127.0.0.2", "web.", Type.AAAA));
        assertEquals(1, v6.size());
        assertEquals(InetAddress.getByName("fd00::3"), InetAddress.getByName(v6.get(0)));
        Message mx = ask("127.0.0.2", "web.", Type.MX);
        assertEquals(Rcode.NOERROR, mx.getRcode());
        assertTrue(answers(mx).isEmpty());
    }

    /** Bytes allocated so far by this server's UDP receiver threads. */
    private long receiverAllocation() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        String prefix = "dns-udp-127.0.0.1:" + port + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .mapToLong(t -> mx.getThreadAllocatedBytes(t.getId())).sum();
    }

    @Test
    void aCachedAnswerCostsTheReceiversNoAllocation() throws Exception {
        dns.update(stack());
        port = listenOnFreePort(dns, "127.0.0.1");
        byte[] wire = Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, 1)).toWire();
        java.net.DatagramPacket in = new java.net.DatagramPacket(new byte[512], 512);
        long before = 0;
        int measured = 20_000;
        for (int round = 0; round < 2; round++) {
            for (String from : List.of("127.0.0.2", "127.0.0.3")) {
                try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(from, 0))) { // a new port per round, as resolvers do
                    s.setSoTimeout(3000);
                    for (int i = 0; i < (round == 0 ? 2_000 : measured / 2); i++) {
                        wire[1] = (byte) i;
                        s.send(new java.net.DatagramPacket(wire, wire.length, new InetSocketAddress("127.0.0.1", port)));
                        s.receive(in);
                        assertEquals(wire[1], in.getData()[1], "the reply to this query");
                    }
                }
            }
            if (round == 0) {
                before = receiverAllocation(); // both askers' answers rendered and stored
            }
        }
        long allocated = receiverAllocation() - before;
        assertTrue(allocated < measured, "the receivers allocated " + allocated + " bytes for about " + measured + " cached answers");
    }

    @Test
    void anIpv6ListenerAnswersLocallyAndForwards() throws Exception {
        dns.update(new NameTable.Builder().network("six", "::1/128", "::1").add("six", "web6", "fd00::9").build());
        port = listenOnFreePort(dns, "::1");
        SimpleResolver r = new SimpleResolver("::1");
        r.setPort(port);
        r.setTimeout(Duration.ofSeconds(3));
        Message local = r.send(Message.newQuery(Record.newRecord(Name.fromString("web6."), Type.AAAA, 1)));
        assertEquals(List.of("fd00:0:0:0:0:0:0:9"), answers(local));
        Message forwarded = r.send(Message.newQuery(Record.newRecord(Name.fromString("elsewhere.example."), Type.A, 1)));
        assertEquals(Rcode.SERVFAIL, forwarded.getRcode(), "no upstream: the forwarding path replies SERVFAIL over the v6 socket");
    }

    @Test
    void stoppingFreesTheUdpAddress() throws Exception {
        dns.update(stack());
        port = listenOnFreePort(dns, "127.0.0.1");
        assertEquals(List.of("127.0.0.2", "127.0.0.3"), answers(ask("127.0.0.2", "web.", Type.A)).stream().sorted().toList());
        dns.stop("127.0.0.1", port);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertEquals(port, s.getLocalPort(), "no receiver holds the port after stop");
        }
    }

    @Test
    void repeatedUdpQuestionsGetTheirOwnIdAndTakeTurns() throws Exception {
        dns.update(stack());
        port = listenOnFreePort(dns, "127.0.0.1");
        EmbeddedDns uncached = new EmbeddedDns(List.of());
        uncached.update(stack());
        Message fresh = new Message(uncached.answer("127.0.0.2", Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, 1)).toWire()));
        uncached.close();
        List<String> previous = null;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            s.setSoTimeout(3000);
            for (int id = 1; id <= 6; id++) {
                Message q = Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, 1));
                q.getHeader().setID(id);
                byte[] wire = q.toWire();
                s.send(new java.net.DatagramPacket(wire, wire.length, new InetSocketAddress("127.0.0.1", port)));
                java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[512], 512);
                s.receive(p);
                Message r = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                assertEquals(id, r.getHeader().getID(), "the reply carries the query's ID");
                assertEquals(fresh.getHeader().printFlags(), r.getHeader().printFlags());
                assertEquals(fresh.getSection(Section.QUESTION), r.getSection(Section.QUESTION));
                assertEquals(Set.copyOf(answers(fresh)), Set.copyOf(answers(r)));
                if (previous != null) {
                    assertEquals(List.of(previous.get(1), previous.get(0)), answers(r), "each repeat takes the next turn");
                }
                previous = answers(r);
            }
        }
    }

    @Test
    void aBurstOfQuestionsFromSeveralAskersGetsEveryReplyInBatches() throws Exception {
        dns.update(stack());
        port = listenOnFreePort(dns, "127.0.0.1");
        int perAsker = 3 * DatagramBatch.SIZE + 5; // more than a batch waits at once
        List<DatagramSocket> askers = List.of(new DatagramSocket(new InetSocketAddress("127.0.0.2", 0)),
                new DatagramSocket(new InetSocketAddress("127.0.0.6", 0)));
        try {
            for (DatagramSocket s : askers) {
                s.setSoTimeout(3000);
                s.setReceiveBufferSize(1 << 20);
            }
            // one datagram longer than a receive slot: dropped, and the questions around it still answered
            byte[] tooLong = new byte[DatagramBatch.SLOT + 100];
            askers.get(0).send(new java.net.DatagramPacket(tooLong, tooLong.length, new InetSocketAddress("127.0.0.1", port)));
            for (int id = 1; id <= perAsker; id++) {
                for (int a = 0; a < askers.size(); a++) {
                    Message q = Message.newQuery(Record.newRecord(Name.fromString(a == 0 ? "web." : "db."), Type.A, 1));
                    q.getHeader().setID(id);
                    byte[] wire = q.toWire();
                    askers.get(a).send(new java.net.DatagramPacket(wire, wire.length, new InetSocketAddress("127.0.0.1", port)));
                }
            }
            for (int a = 0; a < askers.size(); a++) {
                Set<Integer> ids = new HashSet<>();
                for (int i = 0; i < perAsker; i++) {
                    java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[512], 512);
                    askers.get(a).receive(p);
                    Message r = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                    ids.add(r.getHeader().getID());
                    // each asker gets the answer to its own question (scoped to its network), not the other's
                    assertEquals(a == 0 ? Set.of("127.0.0.2", "127.0.0.3") : Set.of("127.0.0.6"), Set.copyOf(answers(r)));
                }
                assertEquals(perAsker, ids.size(), "one reply per question, each with its ID");
            }
        } finally {
            askers.forEach(DatagramSocket::close);
        }
    }

    @Test
    void ptrAndHostDockerInternal() throws Exception {
        dns.update(stack());
        port = listenOnFreePort(dns, "127.0.0.1");
        Message ptr = ask("127.0.0.6", ReverseMap.fromAddress("127.0.0.6").toString(), Type.PTR);
        assertEquals(List.of("demo-db-1."), answers(ptr));
        assertEquals(Rcode.SERVFAIL, ask("127.0.0.2", ReverseMap.fromAddress("127.0.0.6").toString(), Type.PTR).getRcode());
        assertEquals(List.of("127.0.0.1"), answers(ask("127.0.0.2", "host.docker.internal.", Type.A)));
        assertEquals(List.of("127.0.0.5"), answers(ask("127.0.0.6", "HOST.docker.internal.", Type.A)));
        dns.update(new NameTable.Builder().network("front", "127.0.0.0/30", "127.0.0.1").hostAddress("192.0.2.1").build());
        assertEquals(List.of("192.0.2.1"), answers(ask("127.0.0.2", "host.docker.internal.", Type.A)));
    }

    @Test
    void othersAreForwardedToTheUpstream() throws Exception {
        upstream = new EmbeddedDns(List.of());
        upstream.update(new NameTable.Builder().network("lo", "127.0.0.0/8").add("lo", "example.test", "192.0.2.7").build());
        int upPort = listenOnFreePort(upstream, "127.0.0.9");
        try (EmbeddedDns forwarding = new EmbeddedDns(List.of("127.0.0.8:" + freePort("127.0.0.8"), "127.0.0.9:" + upPort))) {
            forwarding.update(stack());
            int p = listenOnFreePort(forwarding, "127.0.0.1");
            Message m = ask("127.0.0.2", "example.test.", Type.A, false, p);
            assertEquals(Rcode.NOERROR, m.getRcode());
            assertEquals(List.of("192.0.2.7"), answers(m), "the first upstream does not answer, the second does");
            assertEquals(List.of("127.0.0.6"), answers(ask("127.0.0.6", "db.", Type.A, false, p)), "local names stay local");
            assertEquals(List.of("192.0.2.7"), answers(ask("127.0.0.2", "example.test.", Type.A, true, p)));
        }
    }

    @Test
    void tableSwapsWhileQueriesRun() throws Exception {
        NameTable one = new NameTable.Builder().network("front", "127.0.0.0/30").add("front", "svc", "10.0.0.1").build();
        NameTable two = new NameTable.Builder().network("front", "127.0.0.0/30").add("front", "svc", "10.0.0.2")
                .add("front", "svc", "10.0.0.3").build();
        dns.update(one);
        port = listenOnFreePort(dns, "127.0.0.1");
        AtomicBoolean running = new AtomicBoolean(true);
        Thread swapper = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                dns.update(i % 2 == 0 ? two : one);
                Thread.onSpinWait();
            }
        });
        swapper.start();
        Set<Set<String>> seen = new HashSet<>();
        try {
            for (int i = 0; i < 300; i++) {
                Message m = ask("127.0.0.2", "svc.", Type.A);
                assertEquals(Rcode.NOERROR, m.getRcode());
                Set<String> got = Set.copyOf(answers(m));
                assertTrue(got.equals(Set.of("10.0.0.1")) || got.equals(Set.of("10.0.0.2", "10.0.0.3")), "a whole table: " + got);
                seen.add(got);
            }
        } finally {
            running.set(false);
            swapper.join();
        }
        assertEquals(2, seen.size(), "both tables were served");
    }
}
