package dev.jcompose.engine.net.firewall;

import java.util.regex.Pattern;

/** Checks that names and addresses spliced into nft text are what they claim (no quoting tricks). */
final class NftNames {
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern ADDR = Pattern.compile("[0-9A-Fa-f.:]+");
    private static final Pattern CIDR = Pattern.compile("[0-9A-Fa-f.:]+/[0-9]{1,3}");

    private NftNames() {
    }

    static void checkInterface(String name) {
        if (!IFNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid interface name \"" + name + "\"");
        }
    }

    static void checkOwner(String owner) {
        if (!OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("invalid rule owner \"" + owner + "\"");
        }
    }

    static void checkAddress(String addr) {
        if (!ADDR.matcher(addr).matches()) {
            throw new IllegalArgumentException("invalid IP address \"" + addr + "\"");
        }
    }

    static void checkCidr(String cidr) {
        if (!CIDR.matcher(cidr).matches()) {
            throw new IllegalArgumentException("invalid subnet \"" + cidr + "\"");
        }
    }
}
