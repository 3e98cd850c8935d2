package dev.jcompose.engine.ipam;

import java.math.BigInteger;

/**
 * The block of a subnet container addresses are handed out from ({@code ipam.config.ip_range});
 * checks on construction that it lies inside its subnet. Without an ip_range it is the whole subnet.
 */
public record IpRange(Subnet subnet, Subnet range) {
    public IpRange {
        if (range == null) {
            range = subnet;
        }
        if (!subnet.contains(range)) {
            throw new IpamException("invalid ip_range " + range + ": not inside subnet " + subnet);
        }
    }

    public static IpRange of(String subnet, String ipRange) {
        return new IpRange(new Subnet(subnet), ipRange == null ? null : new Subnet(ipRange));
    }

    public BigInteger size() {
        return range.size();
    }

    /** The {@code index}-th address of the range. */
    public String address(long index) {
        return range.address(BigInteger.valueOf(index));
    }

    public boolean contains(String address) {
        return range.contains(address);
    }
}
