package dev.jcompose.engine.net.ports;

/** A port as published: the host port actually bound (the one chosen when 0 was asked). */
public record PublishedPort(String protocol, String hostIp, int hostPort, String containerIp, int containerPort) {
}
