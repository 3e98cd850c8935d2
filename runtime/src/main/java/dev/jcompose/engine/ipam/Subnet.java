package dev.jcompose.engine.ipam;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 CIDR block such as {@code 172.18.0.0/16}; the address must be the network's
 * first address (host bits zero), as Docker requires of {@code ipam.config.subnet}.
 */
public record Subnet(String cidr) {
    public Subnet {
        if (cidr == null || cidr.indexOf('/') < 0) {
            throw new IpamException("invalid subnet \"" + cidr + "\": expected ADDRESS/PREFIX");
        }
        Parts p = parts(cidr);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(p.bits - p.prefix).subtract(BigInteger.ONE);
        if (!p.base.and(hostMask).equals(BigInteger.ZERO)) {
            throw new IpamException("invalid subnet \"" + cidr + "\": host bits are set (network address is "
                    + format(p.base.andNot(hostMask), p.bits == 128) + "/" + p.prefix + ")");
        }
    }

    private record Parts(BigInteger base, int prefix, int bits) {
    }

    private static Parts parts(String cidr) {
        int slash = cidr.indexOf('/');
        String addr = cidr.substring(0, slash);
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IpamException("invalid subnet \"" + cidr + "\": prefix is not a number");
        }
        byte[] raw = toBytes(addr, "subnet \"" + cidr + "\"");
        int bits = raw.length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IpamException("invalid subnet \"" + cidr + "\": prefix must be 0.." + bits);
        }
        return new Parts(new BigInteger(1, raw), prefix, bits);
    }

    /** Parses a literal address (never a host name), for error messages {@code what} names the input. */
    static byte[] toBytes(String literal, String what) {
        boolean ok = literal.contains(":") ? literal.matches("[0-9a-fA-F:.]+") : literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!ok) {
            throw new IpamException("invalid " + what + ": \"" + literal + "\" is not an IP address");
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IpamException("invalid " + what + ": \"" + literal + "\" is not an IP address");
        }
    }

    public static Subnet of(String cidr) {
        return new Subnet(cidr);
    }

    public boolean ipv6() {
        return cidr.contains(":");
    }

    public int prefix() {
        return parts(cidr).prefix;
    }

    int bits() {
        return ipv6() ? 128 : 32;
    }

    BigInteger base() {
        return parts(cidr).base;
    }

    /** Number of addresses in the block (2^(bits-prefix)). */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(bits() - prefix());
    }

    /** The address at {@code offset} from the network address. */
    public String address(BigInteger offset) {
        return format(base().add(offset), ipv6());
    }

    /** Offset of {@code address} from the network address; the address must be in the block. */
    public BigInteger offsetOf(String address) {
        return toNumber(address).subtract(base());
    }

    public boolean contains(String address) {
        byte[] raw = toBytes(address, "address");
        if ((raw.length == 16) != ipv6()) {
            return false;
        }
        BigInteger n = new BigInteger(1, raw);
        return n.compareTo(base()) >= 0 && n.compareTo(base().add(size())) < 0;
    }

    public boolean contains(Subnet inner) {
        return inner.ipv6() == ipv6() && inner.prefix() >= prefix() && contains(inner.address(BigInteger.ZERO));
    }

    public boolean overlaps(Subnet other) {
        return other.ipv6() == ipv6() && (contains(other) || other.contains(this));
    }

    static BigInteger toNumber(String address) {
        return new BigInteger(1, toBytes(address, "address"));
    }

    static String format(BigInteger n, boolean v6) {
        byte[] out = new byte[v6 ? 16 : 4];
        byte[] raw = n.toByteArray();
        for (int i = 0; i < Math.min(raw.length, out.length); i++) {
            out[out.length - 1 - i] = raw[raw.length - 1 - i];
        }
        try {
            String s = InetAddress.getByAddress(out).getHostAddress();
            return v6 ? compress(s) : s;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java prints 2001:db8:0:0:0:0:0:1; Docker prints the RFC 5952 form 2001:db8::1. */
    private static String compress(String full) {
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < g.length; i++) {
            int j = i;
            while (j < g.length && g[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(g, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(g, bestStart + bestLen, g.length));
        return head + "::" + tail;
    }

    @Override
    public String toString() {
        return cidr;
    }
}
