package dev.jcompose.engine.network;

import dev.jcompose.engine.ipam.IpamException;

/** Docker's HTTP status for an address-management refusal: 403 for overlapping pools and taken addresses (libnetwork's forbidden errors), else 400. */
final class IpamErrors {
    private IpamErrors() {
    }

    static NetworkException toNetwork(IpamException e) {
        String m = e.getMessage();
        boolean forbidden = m.contains("Pool overlaps") || m.contains("Address already in use") || m.contains("no available");
        return new NetworkException(forbidden ? 403 : 400, m);
    }
}
