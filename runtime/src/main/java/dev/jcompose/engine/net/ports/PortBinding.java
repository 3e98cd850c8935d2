package dev.jcompose.engine.net.ports;

/**
 * A port to publish: {@code hostIp:hostPortStart-hostPortEnd} → {@code containerIp:containerPort}.
 * A host port of 0 asks for a free one; a range takes the first free port in it.
 */
public record PortBinding(String protocol, String hostIp, int hostPortStart, int hostPortEnd, String containerIp,
        int containerPort) {
    public PortBinding {
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalArgumentException("unsupported protocol \"" + protocol + "\"");
        }
        if (hostIp == null || hostIp.isEmpty()) {
            hostIp = "0.0.0.0";
        }
        if (hostPortStart < 0 || hostPortEnd < hostPortStart || hostPortEnd > 65535) {
            throw new IllegalArgumentException("invalid host port range " + hostPortStart + "-" + hostPortEnd);
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("invalid container port " + containerPort);
        }
    }

    public static PortBinding of(String protocol, String hostIp, int hostPort, String containerIp, int containerPort) {
        return new PortBinding(protocol, hostIp, hostPort, hostPort, containerIp, containerPort);
    }

    /** {@code 0.0.0.0:8080} or {@code 0.0.0.0:8000-8010} as Docker's errors print it. */
    String hostText() {
        String ip = hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
        return ip + ":" + (hostPortStart == hostPortEnd ? String.valueOf(hostPortStart) : hostPortStart + "-" + hostPortEnd);
    }
}
