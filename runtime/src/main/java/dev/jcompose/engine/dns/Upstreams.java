package dev.jcompose.engine.dns;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/**
 * The servers non-local questions go to, tried in order; as Docker's resolver does, a server that
 * times out or answers SERVFAIL/REFUSED is skipped for the next, and when none answers the asker
 * gets SERVFAIL (also when there is no upstream at all: {@code JCOMPOSE_DNS_UPSTREAM=none}).
 */
final class Upstreams {
    private final List<Resolver> servers;

    Upstreams(List<String> addresses, Duration timeout) {
        List<Resolver> r = new ArrayList<>();
        for (String s : addresses) {
            String a = s.trim();
            if (a.isEmpty()) {
                continue;
            }
            try {
                int colon = a.lastIndexOf(':');
                SimpleResolver res;
                if (a.startsWith("[") || a.indexOf(':') == colon && colon > 0) {
                    // host:port or [v6]:port
                    String host = a.substring(a.startsWith("[") ? 1 : 0, a.startsWith("[") ? a.indexOf(']') : colon);
                    res = new SimpleResolver(host);
                    res.setPort(Integer.parseInt(a.substring(colon + 1)));
                } else {
                    res = new SimpleResolver(a);
                }
                res.setTimeout(timeout);
                r.add(res);
            } catch (UnknownHostException | NumberFormatException e) {
                // an unusable upstream entry is skipped
            }
        }
        this.servers = List.copyOf(r);
    }

    boolean none() {
        return servers.isEmpty();
    }

    Message forward(Message q) {
        for (Resolver u : servers) {
            try {
                Message answer = u.send(q.clone());
                int rcode = answer.getRcode();
                if (rcode == Rcode.SERVFAIL || rcode == Rcode.REFUSED) {
                    continue;
                }
                answer.getHeader().setID(q.getHeader().getID());
                return answer;
            } catch (IOException e) {
                // timed out or unreachable: the next upstream
            }
        }
        Message r = LocalAnswers.reply(q);
        r.getHeader().unsetFlag(org.xbill.DNS.Flags.AA);
        r.getHeader().setRcode(Rcode.SERVFAIL);
        return r;
    }
}
