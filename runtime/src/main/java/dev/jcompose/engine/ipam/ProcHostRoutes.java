package dev.jcompose.engine.ipam;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's routes read from {@code /proc/net/route} (IPv4: destination and mask as little-endian
 * hex) and {@code /proc/net/ipv6_route} (destination hex, prefix length hex). Default routes
 * (prefix 0) are left out: they overlap everything and Docker ignores them too.
 */
public final class ProcHostRoutes implements HostRoutes {
    private final Path route4;
    private final Path route6;

    public ProcHostRoutes() {
        this(Path.of("/proc/net/route"), Path.of("/proc/net/ipv6_route"));
    }

    public ProcHostRoutes(Path route4, Path route6) {
        this.route4 = route4;
        this.route6 = route6;
    }

    @Override
    public List<Subnet> routes() {
        List<Subnet> out = new ArrayList<>();
        for (String line : lines(route4)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || f[0].equals("Iface")) {
                continue;
            }
            long dest = Long.parseLong(f[1], 16);
            long mask = Long.parseLong(f[7], 16);
            int prefix = Long.bitCount(mask);
            if (prefix == 0) {
                continue;
            }
            BigInteger d = BigInteger.valueOf(Long.reverseBytes(dest) >>> 32);
            BigInteger m = BigInteger.valueOf(Long.reverseBytes(mask) >>> 32);
            out.add(new Subnet(Subnet.format(d.and(m), false) + "/" + prefix));
        }
        for (String line : lines(route6)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || f[0].length() != 32) {
                continue;
            }
            int prefix = Integer.parseInt(f[1], 16);
            if (prefix == 0) {
                continue;
            }
            BigInteger d = new BigInteger(f[0], 16);
            BigInteger hostMask = BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE);
            out.add(new Subnet(Subnet.format(d.andNot(hostMask), true) + "/" + prefix));
        }
        return out;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }
}
