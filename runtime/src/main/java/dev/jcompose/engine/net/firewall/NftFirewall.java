package dev.jcompose.engine.net.firewall;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link Firewall} over nftables: keeps the networks and port rules it was given and, on every
 * change, applies the whole {@link NftRuleset} through {@code nft -f -} in one transaction. Until a
 * netlink encoder for nf_tables exists this is the one place that runs a process for networking.
 */
public final class NftFirewall implements Firewall {
    private final String nft;
    private final Map<String, FirewallNetwork> networks = new LinkedHashMap<>();
    private final Map<String, List<PortRule>> ports = new LinkedHashMap<>();

    public NftFirewall() {
        this("nft");
    }

    public NftFirewall(String nftBinary) {
        this.nft = nftBinary;
    }

    @Override
    public synchronized void addNetwork(FirewallNetwork network) throws IOException {
        networks.put(network.bridge(), network);
        apply("add network " + network.bridge());
    }

    @Override
    public synchronized void removeNetwork(String bridge) throws IOException {
        if (networks.remove(bridge) != null) {
            apply("remove network " + bridge);
        }
    }

    @Override
    public synchronized void setPorts(String owner, List<PortRule> rules) throws IOException {
        ports.put(owner, List.copyOf(rules));
        apply("publish ports of " + owner);
    }

    @Override
    public synchronized void removePorts(String owner) throws IOException {
        if (ports.remove(owner) != null) {
            apply("unpublish ports of " + owner);
        }
    }

    @Override
    public synchronized void clear() throws IOException {
        networks.clear();
        ports.clear();
        run(NftRuleset.deleteScript(), "remove the jcompose nft table");
    }

    /** The ruleset as it would be applied now. */
    public synchronized String ruleset() {
        List<PortRule> all = new ArrayList<>();
        ports.values().forEach(all::addAll);
        return NftRuleset.render(networks.values(), all);
    }

    private void apply(String what) throws IOException {
        run(ruleset(), what);
    }

    private void run(String script, String what) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(nft, "-f", "-").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("firewall: " + what + ": cannot run " + nft + " (install nftables): " + e.getMessage(), e);
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("firewall: " + what + ": nft did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("firewall: " + what + ": interrupted", e);
        }
        if (p.exitValue() != 0) {
            String first = out.lines().filter(l -> l.contains("Error")).findFirst().orElse(out.lines().findFirst().orElse(""));
            throw new IOException("firewall: " + what + ": nft failed: " + first);
        }
    }
}
