package dev.jcompose.engine.image.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the registry client behaves.
 *
 * @param insecureRegistries    hosts ({@code host} or {@code host:port}) reached over plain HTTP, like the
 *                              engine config's {@code insecure-registries}; loopback registries always are
 * @param maxConcurrentDownloads layer downloads in flight at once, over all pulls (docker's default is 3)
 * @param attempts              tries per request on 5xx, 429 or a broken connection
 * @param backoff               the wait before the second try; doubled for each further one
 * @param timeout               connect timeout, and the longest a response may take to start
 */
public record RegistryOptions(List<String> insecureRegistries, int maxConcurrentDownloads, int attempts, Duration backoff,
                              Duration timeout, String userAgent) {
    public RegistryOptions {
        insecureRegistries = List.copyOf(insecureRegistries);
        if (maxConcurrentDownloads < 1 || attempts < 1) {
            throw new IllegalArgumentException("maxConcurrentDownloads and attempts must be at least 1");
        }
    }

    public static RegistryOptions defaults() {
        return new RegistryOptions(List.of(), 3, 5, Duration.ofMillis(500), Duration.ofSeconds(30), "jcompose/0.1");
    }

    public RegistryOptions withInsecure(List<String> hosts) {
        return new RegistryOptions(hosts, maxConcurrentDownloads, attempts, backoff, timeout, userAgent);
    }

    public RegistryOptions withConcurrency(int downloads) {
        return new RegistryOptions(insecureRegistries, downloads, attempts, backoff, timeout, userAgent);
    }

    public RegistryOptions withRetries(int tries, Duration firstBackoff) {
        return new RegistryOptions(insecureRegistries, maxConcurrentDownloads, tries, firstBackoff, timeout, userAgent);
    }

    /** {@code http} for loopback and insecure registries, {@code https} for all others. */
    public String scheme(String registryHost) {
        String host = hostPart(registryHost).toLowerCase(Locale.ROOT);
        if (insecureRegistries.contains(registryHost) || insecureRegistries.contains(host) || isLoopback(host)) {
            return "http";
        }
        return "https";
    }

    private static String hostPart(String hostPort) {
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end > 0 ? hostPort.substring(1, end) : hostPort;
        }
        int colon = hostPort.lastIndexOf(':');
        return colon >= 0 ? hostPort.substring(0, colon) : hostPort;
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-f:]+")) {
            return false; // never resolve names here: only literal addresses count
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
