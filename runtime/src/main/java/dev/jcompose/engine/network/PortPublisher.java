package dev.jcompose.engine.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published TCP ports as a userland proxy in the engine (as docker-proxy): a listener on the host
 * address and port forwards each connection to the container's address, so a port is reachable
 * from the host's loopback, its other addresses, and other containers through the gateway.
 * (UDP and nftables DNAT are not done yet.)
 */
public final class PortPublisher implements AutoCloseable {
    /** One published port: the container's {@code 80/tcp}, and where it listens on the host. */
    public record Published(String containerPort, String hostIp, int hostPort) {
    }

    /** A requested binding: container port spec ({@code 80/tcp}), host IP ("" for all), host port ("" for a random one). */
    public record Binding(String containerPort, String hostIp, String hostPort) {
    }

    private final Map<String, List<ServerSocket>> listeners = new ConcurrentHashMap<>();

    public synchronized List<Published> publish(String containerId, List<Binding> bindings, String targetIp) throws IOException {
        List<Published> out = new ArrayList<>();
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (Binding b : bindings) {
                String[] portProto = b.containerPort().split("/");
                if (portProto.length > 1 && !portProto[1].equals("tcp")) {
                    continue;
                }
                int target = Integer.parseInt(portProto[0]);
                String hostIp = b.hostIp() == null || b.hostIp().isEmpty() ? "0.0.0.0" : b.hostIp();
                int hostPort = b.hostPort() == null || b.hostPort().isEmpty() ? 0 : Integer.parseInt(b.hostPort().split("-")[0]);
                ServerSocket server = new ServerSocket();
                server.setReuseAddress(true);
                try {
                    server.bind(new InetSocketAddress(InetAddress.getByName(hostIp), hostPort), 128);
                } catch (IOException e) {
                    server.close();
                    throw new IOException("Bind for " + hostIp + ":" + hostPort + " failed: port is already allocated", e);
                }
                sockets.add(server);
                out.add(new Published(b.containerPort(), hostIp, server.getLocalPort()));
                Thread accept = new Thread(() -> acceptLoop(server, targetIp, target), "publish-" + server.getLocalPort());
                accept.setDaemon(true);
                accept.start();
            }
        } catch (IOException e) {
            for (ServerSocket s : sockets) {
                s.close();
            }
            throw e;
        }
        listeners.put(containerId, sockets);
        return out;
    }

    public void unpublish(String containerId) {
        List<ServerSocket> sockets = listeners.remove(containerId);
        if (sockets != null) {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }
    }

    private static void acceptLoop(ServerSocket server, String targetIp, int targetPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> relay(client, targetIp, targetPort), "proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void relay(Socket client, String targetIp, int targetPort) {
        try (client; Socket upstream = new Socket()) {
            upstream.connect(new InetSocketAddress(targetIp, targetPort), 5000);
            Thread back = new Thread(() -> pump(upstream, client), "proxy-back");
            back.setDaemon(true);
            back.start();
            pump(client, upstream);
            back.join(30_000);
        } catch (IOException | InterruptedException e) {
            // a closed connection ends the relay
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buf = new byte[32 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // the other side closed
        }
    }

    @Override
    public void close() {
        List.copyOf(listeners.keySet()).forEach(this::unpublish);
    }
}
