package dev.jcompose.engine.net.firewall;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole {@code inet jcompose} table as nft text, generated from the networks and published
 * ports. The script declares the table, deletes it and declares it again in one transaction, so
 * applying it replaces every jcompose rule atomically and leaves nobody else's rules touched.
 *
 * <ul>
 *   <li>forward: traffic within one bridge passes; between two jcompose bridges it is dropped
 *       (isolation); an internal network's bridge exchanges nothing with any other interface.
 *   <li>postrouting (srcnat): a non-internal network's subnets are masqueraded when leaving by
 *       another interface.
 *   <li>prerouting (dstnat): traffic for a local address on a published port, not coming from a
 *       jcompose bridge, is DNATed to the container; loopback and container-to-gateway traffic go to
 *       the engine's userland proxy instead (no route_localnet).
 * </ul>
 */
public final class NftRuleset {
    public static final String TABLE = "jcompose";

    private NftRuleset() {
    }

    /** The script that removes the table, if present. */
    public static String deleteScript() {
        return "table inet " + TABLE + "\ndelete table inet " + TABLE + "\n";
    }

    public static String render(Collection<FirewallNetwork> networks, Collection<PortRule> ports) {
        StringBuilder s = new StringBuilder(deleteScript());
        s.append("table inet ").append(TABLE).append(" {\n");
        List<String> bridges = networks.stream().map(FirewallNetwork::bridge).sorted().toList();
        String bridgeSet = set(bridges);

        s.append("\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n");
        for (FirewallNetwork n : sorted(networks)) {
            s.append("\t\tiifname \"").append(n.bridge()).append("\" oifname \"").append(n.bridge()).append("\" accept\n");
        }
        if (!bridges.isEmpty()) {
            s.append("\t\tiifname ").append(bridgeSet).append(" oifname ").append(bridgeSet).append(" drop\n");
        }
        for (FirewallNetwork n : sorted(networks)) {
            if (n.internal()) {
                s.append("\t\tiifname \"").append(n.bridge()).append("\" drop\n");
                s.append("\t\toifname \"").append(n.bridge()).append("\" drop\n");
            }
        }
        s.append("\t}\n");

        s.append("\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n");
        for (FirewallNetwork n : sorted(networks)) {
            if (!n.internal()) {
                for (String subnet : n.subnets()) {
                    s.append("\t\t").append(family(subnet)).append(" saddr ").append(subnet).append(" oifname != \"")
                            .append(n.bridge()).append("\" masquerade\n");
                }
            }
        }
        s.append("\t}\n");

        s.append("\tchain prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n");
        if (!ports.isEmpty()) {
            s.append("\t\tfib daddr type local");
            if (!bridges.isEmpty()) {
                s.append(" iifname != ").append(bridgeSet);
            }
            s.append(" jump published\n");
        }
        s.append("\t}\n");

        s.append("\tchain published {\n");
        ports.stream().sorted(java.util.Comparator.comparing(PortRule::owner).thenComparing(PortRule::protocol)
                .thenComparingInt(PortRule::hostPort)).forEach(p -> {
                    String fam = p.ipv6() ? "ip6" : "ip";
                    s.append("\t\t");
                    p.hostIp().ifPresent(h -> s.append(family(h)).append(" daddr ").append(h).append(' '));
                    String to = p.ipv6() ? "[" + p.containerIp() + "]" : p.containerIp();
                    s.append(p.protocol()).append(" dport ").append(p.hostPort()).append(" dnat ").append(fam)
                            .append(" to ").append(to).append(':').append(p.containerPort())
                            .append(" comment \"").append(p.owner()).append("\"\n");
                });
        s.append("\t}\n}\n");
        return s.toString();
    }

    private static List<FirewallNetwork> sorted(Collection<FirewallNetwork> networks) {
        return networks.stream().sorted(java.util.Comparator.comparing(FirewallNetwork::bridge)).toList();
    }

    private static String family(String addr) {
        return addr.contains(":") ? "ip6" : "ip";
    }

    private static String set(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ", "{ ", " }"));
    }
}
