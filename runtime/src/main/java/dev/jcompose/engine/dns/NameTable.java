package dev.jcompose.engine.dns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable snapshot of the names containers answer to, per network: container names,
 * hostnames and aliases (a compose service name is an alias of each of its replicas), each with
 * the addresses it has on that network. Built from the engine's state and swapped whole.
 */
public record NameTable(Map<String, Map<String, List<String>>> byNetwork, Map<String, String> subnetOfNetwork) {
    public static final NameTable EMPTY = new NameTable(Map.of(), Map.of());

    public NameTable {
        Map<String, Map<String, List<String>>> copy = new HashMap<>();
        byNetwork.forEach((n, names) -> {
            Map<String, List<String>> m = new HashMap<>();
            names.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            copy.put(n, Map.copyOf(m));
        });
        byNetwork = Map.copyOf(copy);
        subnetOfNetwork = Map.copyOf(subnetOfNetwork);
    }

    /** Builds a table: add each (network, name, address) of the running containers, then {@link #build()}. */
    public static final class Builder {
        private final Map<String, Map<String, List<String>>> names = new HashMap<>();
        private final Map<String, String> subnets = new HashMap<>();

        public Builder network(String network, String subnet) {
            subnets.put(network, subnet);
            names.computeIfAbsent(network, k -> new HashMap<>());
            return this;
        }

        public Builder add(String network, String name, String address) {
            List<String> list = names.computeIfAbsent(network, k -> new HashMap<>())
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            if (!list.contains(address)) {
                list.add(address);
            }
            return this;
        }

        public NameTable build() {
            return new NameTable(names, subnets);
        }
    }

    /** The addresses {@code name} has on the networks {@code asker} is on (an asker is known by its address). */
    public List<String> lookup(String asker, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (var e : byNetwork.entrySet()) {
            String subnet = subnetOfNetwork.get(e.getKey());
            if (subnet == null || !dev.jcompose.engine.network.Addresses.contains(subnet, asker)) {
                continue;
            }
            for (String a : e.getValue().getOrDefault(key, List.of())) {
                if (!out.contains(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
