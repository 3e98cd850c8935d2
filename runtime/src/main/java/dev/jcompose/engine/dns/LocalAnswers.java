package dev.jcompose.engine.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Answers from the current {@link NameTable}: A and AAAA for the names of the asker's networks
 * (rotated on every answer, so clients spread over a service's replicas), PTR for their addresses,
 * an empty NOERROR answer for other types of a known name. Returns null when the name is not
 * local (the caller forwards it). TTL 600, as Docker's embedded DNS answers.
 */
final class LocalAnswers {
    static final long TTL = 600;

    private final Supplier<NameTable> table;
    private final AtomicInteger rotation = new AtomicInteger();

    LocalAnswers(Supplier<NameTable> table) {
        this.table = table;
    }

    /** A reply to {@code q} from {@code asker}, or null when the question is not about a local name. */
    Message answer(String asker, Message q) throws UnknownHostException {
        return pick(answers(asker, q, table.get()));
    }

    /** The next turn of {@code turns}, or null for null. */
    Message pick(List<Message> turns) {
        return turns == null ? null : turns.get(turn(turns.size()));
    }

    /** Which of {@code choices} rotated answers is next (a turn is taken only when there are several). */
    int turn(int choices) {
        return choices == 1 ? 0 : Math.floorMod(rotation.getAndIncrement(), choices);
    }

    /**
     * Every reply {@code q} from {@code asker} can get under table {@code t}, one per turn of the
     * rotation over the name's addresses (turn k puts the k-th address first), or null when the
     * question is not about a local name.
     */
    List<Message> answers(String asker, Message q, NameTable t) throws UnknownHostException {
        Record question = q.getQuestion();
        if (question == null || question.getDClass() != DClass.IN) {
            return null;
        }
        Name name = question.getName();
        int type = question.getType();
        if (type == Type.PTR) {
            String address = reverseAddress(name);
            String target = address == null ? null : t.reverse(asker, address);
            if (target == null) {
                return null;
            }
            Message r = reply(q);
            try {
                r.addRecord(new PTRRecord(name, DClass.IN, TTL, Name.fromString(target + ".")), Section.ANSWER);
            } catch (TextParseException e) {
                return null;
            }
            return List.of(r);
        }
        List<String> local = t.lookup(asker, name.toString(true));
        if (local.isEmpty()) {
            return null;
        }
        List<InetAddress> addrs = new ArrayList<>();
        for (String a : local) {
            boolean v6 = a.contains(":");
            if (type == Type.A && !v6 || type == Type.AAAA && v6) {
                addrs.add(InetAddress.getByName(a));
            }
        }
        List<Message> turns = new ArrayList<>();
        for (int k = 0; k < Math.max(1, addrs.size()); k++) {
            Message r = reply(q);
            List<InetAddress> turn = new ArrayList<>(addrs);
            Collections.rotate(turn, -k);
            for (InetAddress ip : turn) {
                r.addRecord(type == Type.A ? new ARecord(name, DClass.IN, TTL, ip) : new AAAARecord(name, DClass.IN, TTL, ip),
                        Section.ANSWER);
            }
            turns.add(r);
        }
        return turns;
    }

    static Message reply(Message q) {
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RA);
        r.getHeader().setFlag(Flags.AA);
        if (q.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        r.getHeader().setRcode(Rcode.NOERROR);
        if (q.getQuestion() != null) {
            r.addRecord(q.getQuestion(), Section.QUESTION);
        }
        return r;
    }

    /** The address a reverse name stands for ({@code 5.0.1.10.in-addr.arpa.} → 10.1.0.5), or null. */
    static String reverseAddress(Name name) {
        String s = name.toString(true).toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith(".in-addr.arpa")) {
            String[] p = s.substring(0, s.length() - ".in-addr.arpa".length()).split("\\.");
            return p.length == 4 ? p[3] + "." + p[2] + "." + p[1] + "." + p[0] : null;
        }
        if (s.endsWith(".ip6.arpa")) {
            String[] p = s.substring(0, s.length() - ".ip6.arpa".length()).split("\\.");
            if (p.length != 32) {
                return null;
            }
            StringBuilder hex = new StringBuilder();
            for (int i = 31; i >= 0; i--) {
                hex.append(p[i]);
                if (i % 4 == 0 && i > 0) {
                    hex.append(':');
                }
            }
            try {
                return compact(InetAddress.getByName(hex.toString()).getHostAddress());
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    /** The form addresses have in the table (RFC 5952, as the IPAM writes them). */
    private static String compact(String javaForm) {
        return dev.jcompose.engine.ipam.Subnet.of(javaForm + "/128").address(java.math.BigInteger.ZERO);
    }
}
