package dev.jcompose.engine.net.firewall;

import java.util.Optional;

/**
 * One published port for DNAT: traffic arriving from outside for {@code hostIp:hostPort} (any local
 * address when empty) goes to {@code containerIp:containerPort}. {@code owner} groups the rules of
 * one container so they can be removed together.
 */
public record PortRule(String owner, String protocol, Optional<String> hostIp, int hostPort, String containerIp,
        int containerPort) {
    public PortRule {
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalArgumentException("unsupported protocol \"" + protocol + "\" for port " + hostPort);
        }
        NftNames.checkOwner(owner);
        hostIp.ifPresent(NftNames::checkAddress);
        NftNames.checkAddress(containerIp);
        if (hostPort < 1 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + hostPort + " -> " + containerPort);
        }
    }

    boolean ipv6() {
        return containerIp.contains(":");
    }
}
