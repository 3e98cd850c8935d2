/**
 * Bridge networks on the host, without ip(8) or brctl.
 *
 * <ul>
 *   <li>{@code .netlink} — rtnetlink from Java: {@code NetlinkSocket} (jnr-ffi), the message codec
 *       ({@code NlMessageBuilder}, {@code NlMessage}, {@code NlAttrs}), {@code RtMessages} (pure,
 *       golden-tested request builders) and {@code RtNetlink} (links, bridges, veths with the peer
 *       created in another netns, master, up/down, addresses, routes). Errors carry the errno name.
 *   <li>{@code .bridge} — {@code VethAttacher}: one request makes a container's veth pair with the
 *       peer already {@code eth0} (a {@code ContainerInterface}) in the container's netns, then its
 *       addresses, routes and up state through a netlink socket opened in that netns
 *       ({@code NetnsSockets}); the bridge itself is made by {@code engine.network.BridgeDriver}.
 *       (The older path through {@code jcompose-shim netconf}, {@code BridgeNetworks} and
 *       {@code Netconf}, is now test code only: the fixture of the firewall and port tests.)
 *   <li>{@code .firewall} — {@code Firewall}, implemented by {@code NftFirewall}: the whole
 *       {@code inet jcompose} table regenerated ({@code NftRuleset}) and applied atomically through
 *       {@code nft -f -}. The engine replays its networks and ports into it after a restart.
 *   <li>{@code .ports} — {@code PortPublisher}: the userland proxy (TCP and UDP).
 * </ul>
 *
 * <p>Which path a packet to a published port takes: from the host itself (127.0.0.1 or any local
 * address) and from containers (to their gateway) it reaches the proxy's socket, because the DNAT
 * rule sits only in prerouting and skips jcompose bridges; from another machine it arrives on an
 * uplink, prerouting DNATs it to the container, and conntrack undoes that on the reply.
 */
package dev.jcompose.engine.net;
