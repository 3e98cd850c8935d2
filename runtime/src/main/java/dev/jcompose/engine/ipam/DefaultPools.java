package dev.jcompose.engine.ipam;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's default local address pools, in Docker's order (libnetwork ipamutils): 172.17.0.0/16,
 * 172.18.0.0/16, 172.19.0.0/16, 172.20.0.0/14, 172.24.0.0/14 and 172.28.0.0/14 cut into /16s
 * (172.17 … 172.31), then 192.168.0.0/16 cut into /20s.
 */
public final class DefaultPools {
    private DefaultPools() {
    }

    /** A base block cut into subnets of {@code size} bits of prefix. */
    public record Pool(Subnet base, int size) {
    }

    public static final List<Pool> DOCKER = List.of(
            new Pool(Subnet.of("172.17.0.0/16"), 16),
            new Pool(Subnet.of("172.18.0.0/16"), 16),
            new Pool(Subnet.of("172.19.0.0/16"), 16),
            new Pool(Subnet.of("172.20.0.0/14"), 16),
            new Pool(Subnet.of("172.24.0.0/14"), 16),
            new Pool(Subnet.of("172.28.0.0/14"), 16),
            new Pool(Subnet.of("192.168.0.0/16"), 20));

    /** Every candidate subnet of {@code pools}, in order. */
    public static List<Subnet> candidates(List<Pool> pools) {
        List<Subnet> out = new ArrayList<>();
        for (Pool p : pools) {
            BigInteger step = BigInteger.ONE.shiftLeft(p.base().bits() - p.size());
            for (BigInteger off = BigInteger.ZERO; off.compareTo(p.base().size()) < 0; off = off.add(step)) {
                out.add(new Subnet(p.base().address(off) + "/" + p.size()));
            }
        }
        return out;
    }
}
