package dev.jcompose.engine.network;

import java.util.Set;

/** IPv4 address arithmetic for a network's subnet: the next address not taken (network, gateway and broadcast never are). */
public final class Addresses {
    private Addresses() {
    }

    public static String next(String subnet, String gateway, Set<String> taken) {
        int slash = subnet.indexOf('/');
        long base = toLong(subnet.substring(0, slash));
        int prefix = Integer.parseInt(subnet.substring(slash + 1));
        long size = 1L << (32 - prefix);
        for (long i = 2; i < size - 1; i++) {
            String a = toString(base + i);
            if (!a.equals(gateway) && !taken.contains(a)) {
                return a;
            }
        }
        throw new NetworkException(409, "no available IPv4 addresses on this network's address pools: " + subnet);
    }

    public static boolean contains(String subnet, String address) {
        int slash = subnet.indexOf('/');
        int prefix = Integer.parseInt(subnet.substring(slash + 1));
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (toLong(subnet.substring(0, slash)) & mask) == (toLong(address) & mask);
    }

    public static long toLong(String a) {
        String[] p = a.split("\\.");
        if (p.length != 4) {
            throw new NetworkException(400, "invalid IPv4 address: " + a);
        }
        long v = 0;
        for (String part : p) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }

    public static String toString(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
