package dev.jcompose.engine.dns;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Queries per second of the embedded DNS on loopback (not a test; run by hand):
 * {@code java -cp runtime/target/classes:runtime/target/test-classes:DEPS dev.jcompose.engine.dns.DnsBench [threads] [seconds] [port]}.
 * Each client thread plays a container (source 127.0.0.2+i) asking A of a two-replica service,
 * one query outstanding at a time; prints q/s, the p50/p99 round trip and the bytes the receiver
 * threads allocated per query. With a port argument it only serves (for dnsperf) for {@code seconds},
 * then prints what the receivers allocated.
 */
public final class DnsBench {
    private DnsBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : DnsServerTest.freePort("127.0.0.1");
        try (EmbeddedDns dns = new EmbeddedDns(List.of())) {
            dns.update(new NameTable.Builder().network("bench", "127.0.0.0/8", "127.0.0.1")
                    .add("bench", "web", "10.0.0.2").add("bench", "web", "10.0.0.3").build());
            dns.listen("127.0.0.1", port);
            if (args.length > 2) {
                System.out.println("serving on 127.0.0.1:" + port);
                Thread.sleep(seconds * 1000L);
                System.out.println("bytes allocated by the UDP receivers: " + receiverAllocation());
                return;
            }
            run(threads, seconds, port);
        }
    }

    /** The bytes the dns-udp receiver threads allocated so far (divide by the queries dnsperf counted). */
    static long receiverAllocation() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("dns-udp-"))
                .mapToLong(t -> mx.getThreadAllocatedBytes(t.getId())).sum();
    }

    private static void run(int threads, int seconds, int port) throws Exception {
        byte[] query = Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, 1)).toWire();
        AtomicLong total = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < threads; i++) {
            long[] lat = new long[20_000_000 / threads];
            latencies.add(lat);
            String from = "127.0.0." + (2 + i);
            Thread t = new Thread(() -> {
                try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(from, 0))) {
                    s.setSoTimeout(1000);
                    InetSocketAddress to = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
                    byte[] buf = new byte[512];
                    int n = 0;
                    while (System.nanoTime() < end && n < lat.length) {
                        long t0 = System.nanoTime();
                        s.send(new DatagramPacket(query, query.length, to));
                        s.receive(new DatagramPacket(buf, buf.length));
                        lat[n++] = System.nanoTime() - t0;
                    }
                    total.addAndGet(n);
                    lat[lat.length - 1] = n;
                } catch (Exception e) {
                    System.err.println("client " + from + ": " + e);
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        System.out.printf("%d threads, %d s: %d queries, %.0f q/s, p50 %.0f us, p99 %.0f us, receivers allocated %.1f bytes/query%n",
                threads, seconds, total.get(), total.get() / (double) seconds, all[all.length / 2] / 1000.0,
                all[(int) (all.length * 0.99)] / 1000.0, receiverAllocation() / (double) total.get());
    }
}
