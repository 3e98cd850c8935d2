package dev.jcompose.engine.dns;

import dev.jcompose.engine.ipam.Subnet;
import dev.jcompose.engine.network.Addresses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable snapshot of the names containers answer to, per network: container names,
 * hostnames and aliases (a compose service name is an alias of each of its replicas), each with
 * the addresses (IPv4 and IPv6) it has on that network, plus each network's subnet (to know which
 * networks an asker is on, by its source address) and gateway (the answer to
 * {@code host.docker.internal} unless a host address is configured), and the link aliases each asker
 * (by address) has of its own ({@code links}, answered to that container only). Built from the engine's state
 * and swapped whole; names are kept lower-case, so lookups are case-insensitive.
 */
public record NameTable(Map<String, Map<String, List<String>>> byNetwork, Map<String, String> subnetOfNetwork,
        Map<String, String> gatewayOfNetwork, Map<String, Map<String, String>> ptrByNetwork, String hostAddress,
        String searchDomain, Map<String, Map<String, List<String>>> linksByAsker) {
    public static final NameTable EMPTY = new NameTable(Map.of(), Map.of(), Map.of(), Map.of(), null, null, Map.of());
    public static final String HOST_NAME = "host.docker.internal";

    public NameTable {
        byNetwork = lowerCased(byNetwork);
        linksByAsker = lowerCased(linksByAsker);
        subnetOfNetwork = Map.copyOf(subnetOfNetwork);
        gatewayOfNetwork = Map.copyOf(gatewayOfNetwork);
        Map<String, Map<String, String>> ptr = new HashMap<>();
        ptrByNetwork.forEach((n, m) -> ptr.put(n, Map.copyOf(m)));
        ptrByNetwork = Map.copyOf(ptr);
        searchDomain = searchDomain == null ? null : searchDomain.toLowerCase(Locale.ROOT).replaceAll("^\\.|\\.$", "");
    }

    private static Map<String, Map<String, List<String>>> lowerCased(Map<String, Map<String, List<String>>> in) {
        Map<String, Map<String, List<String>>> copy = new HashMap<>();
        in.forEach((n, names) -> {
            Map<String, List<String>> m = new HashMap<>();
            names.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            copy.put(n, Map.copyOf(m));
        });
        return Map.copyOf(copy);
    }

    /** Builds a table: add each (network, name, address) of the running containers, then {@link #build()}. */
    public static final class Builder {
        private final Map<String, Map<String, List<String>>> names = new HashMap<>();
        private final Map<String, String> subnets = new HashMap<>();
        private final Map<String, String> gateways = new HashMap<>();
        private final Map<String, Map<String, String>> ptr = new HashMap<>();
        private final Map<String, Map<String, List<String>>> links = new HashMap<>();
        private String hostAddress;
        private String searchDomain;

        public Builder network(String network, String subnet) {
            subnets.put(network, subnet);
            names.computeIfAbsent(network, k -> new HashMap<>());
            return this;
        }

        /** A network with its gateway, which answers {@code host.docker.internal} for its members. */
        public Builder network(String network, String subnet, String gateway) {
            gateways.put(network, gateway);
            return network(network, subnet);
        }

        /** The address {@code host.docker.internal} resolves to on every network (default: the asker's gateway). */
        public Builder hostAddress(String address) {
            this.hostAddress = address;
            return this;
        }

        /** A domain stripped from questions before lookup ({@code web.example.internal} finds {@code web}). */
        public Builder searchDomain(String domain) {
            this.searchDomain = domain;
            return this;
        }

        public Builder add(String network, String name, String address) {
            List<String> list = names.computeIfAbsent(network, k -> new HashMap<>())
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            if (!list.contains(address)) {
                list.add(address);
            }
            ptr.computeIfAbsent(network, k -> new HashMap<>()).putIfAbsent(address, name.toLowerCase(Locale.ROOT));
            return this;
        }

        /**
         * A link ({@code links: [db:database]}): {@code name} resolves to {@code address} for the container asking
         * from {@code asker} only, as Docker's links on user-defined networks.
         */
        public Builder link(String asker, String name, String address) {
            List<String> list = links.computeIfAbsent(asker, k -> new HashMap<>()).computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>());
            if (!list.contains(address)) {
                list.add(address);
            }
            return this;
        }

        public NameTable build() {
            return new NameTable(names, subnets, gateways, ptr, hostAddress, searchDomain, links);
        }
    }

    /** Whether {@code asker} (a source address) is on {@code network}. */
    private boolean member(String network, String asker) {
        String subnet = subnetOfNetwork.get(network);
        if (subnet == null || subnet.contains(":") != asker.contains(":")) {
            return false;
        }
        return asker.contains(":") ? Subnet.of(subnet).contains(asker) : Addresses.contains(subnet, asker);
    }

    private String key(String name) {
        String k = name.toLowerCase(Locale.ROOT);
        if (k.endsWith(".")) {
            k = k.substring(0, k.length() - 1);
        }
        if (searchDomain != null && !searchDomain.isEmpty() && k.endsWith("." + searchDomain)) {
            k = k.substring(0, k.length() - searchDomain.length() - 1);
        }
        return k;
    }

    /** The addresses {@code name} has on the networks {@code asker} is on (an asker is known by its address). */
    public List<String> lookup(String asker, String name) {
        String key = key(name);
        List<String> out = new ArrayList<>();
        Map<String, List<String>> own = linksByAsker.get(asker);
        if (own != null && own.containsKey(key)) {
            out.addAll(own.get(key));
        }
        for (var e : byNetwork.entrySet()) {
            if (!member(e.getKey(), asker)) {
                continue;
            }
            List<String> found = e.getValue().get(key);
            if (found == null && key.equals(HOST_NAME)) {
                String gw = hostAddress != null ? hostAddress : gatewayOfNetwork.get(e.getKey());
                found = gw == null ? List.of() : List.of(gw);
            }
            for (String a : found == null ? List.<String>of() : found) {
                if (!out.contains(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /**
     * The name of {@code address} on the networks {@code asker} shares with it, for PTR: the first
     * name added for it (the engine adds the container name first, as Docker answers), or null.
     */
    public String reverse(String asker, String address) {
        for (var e : ptrByNetwork.entrySet()) {
            String name = e.getValue().get(address);
            if (name != null && member(e.getKey(), asker)) {
                return name;
            }
        }
        return null;
    }
}
