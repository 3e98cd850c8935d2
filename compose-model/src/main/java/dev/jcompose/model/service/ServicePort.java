package dev.jcompose.model.service;

/**
 * A published or exposed port in long form. {@code published} is a string (a port, a range
 * {@code 8000-8010}, or null for a random host port / none); {@code hostIp} null means all addresses.
 */
public record ServicePort(String mode, String hostIp, int target, String published, String protocol, String appProtocol, String name) {
    public ServicePort {
        if (target < 0 || target > 65535) {
            throw new IllegalArgumentException("port target " + target + " is out of range");
        }
        protocol = protocol == null ? "tcp" : protocol;
        mode = mode == null ? "ingress" : mode;
    }
}
