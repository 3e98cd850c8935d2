package dev.jcompose.engine.net.bridge;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code jcompose-shim netconf} does inside a container's netns, rendered as its stdin spec
 * (see netconf.h): configure {@code link} (renamed to {@code rename}) or, with {@code remove}, delete it.
 */
public record NetconfSpec(String link, Optional<String> rename, Optional<String> mac, int mtu, List<String> addresses,
        List<String> gateways, List<Route> routes, boolean remove) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:/-]+");

    /** An extra route: destination CIDR, optionally via a gateway. */
    public record Route(String destination, Optional<String> via) {
    }

    public NetconfSpec {
        addresses = List.copyOf(addresses);
        gateways = List.copyOf(gateways);
        routes = List.copyOf(routes);
        check(link);
        rename.ifPresent(NetconfSpec::check);
        mac.ifPresent(NetconfSpec::check);
        addresses.forEach(NetconfSpec::check);
        gateways.forEach(NetconfSpec::check);
        routes.forEach(r -> {
            check(r.destination());
            r.via().ifPresent(NetconfSpec::check);
        });
    }

    public static NetconfSpec removal(String ifname) {
        return new NetconfSpec(ifname, Optional.empty(), Optional.empty(), 0, List.of(), List.of(), List.of(), true);
    }

    public String render() {
        if (remove) {
            return "remove " + link + "\n";
        }
        StringBuilder s = new StringBuilder("link ").append(link);
        rename.ifPresent(r -> s.append(' ').append(r));
        s.append('\n');
        mac.ifPresent(m -> s.append("mac ").append(m).append('\n'));
        if (mtu > 0) {
            s.append("mtu ").append(mtu).append('\n');
        }
        addresses.forEach(a -> s.append("addr ").append(a).append('\n'));
        gateways.forEach(g -> s.append("gateway ").append(g).append('\n'));
        routes.forEach(r -> {
            s.append("route ").append(r.destination());
            r.via().ifPresent(v -> s.append(" via ").append(v));
            s.append('\n');
        });
        return s.toString();
    }

    private static void check(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("invalid netconf value \"" + token + "\"");
        }
    }
}
