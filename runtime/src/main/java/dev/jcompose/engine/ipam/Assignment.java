package dev.jcompose.engine.ipam;

/** The addresses a container got on one network (ipv6 null without an IPv6 pool) with their prefix lengths and gateways. */
public record Assignment(String ipv4, int ipv4Prefix, String gateway4, String ipv6, int ipv6Prefix, String gateway6) {
}
