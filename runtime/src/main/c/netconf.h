/*
 * jcompose-shim netconf --netns /proc/PID/ns/net
 *
 * Configures one interface inside a container's network namespace. The engine (which never enters
 * a namespace itself) creates the veth pair over rtnetlink with the peer already in the container's
 * netns, then runs this mode; it setns()es into the netns (the process is single-threaded) and talks
 * rtnetlink there.
 *
 * The spec is read from stdin, one directive per line, fields separated by single spaces:
 *
 *   link NAME [NEWNAME]      the interface to configure (required); renamed to NEWNAME if given
 *   mac  02:42:ac:11:00:02   hardware address (optional)
 *   mtu  1500                MTU (optional)
 *   addr 172.18.0.2/16       an IPv4 or IPv6 address with prefix (repeatable)
 *   gateway 172.18.0.1       default route via this address (optional; internal networks have none;
 *                            once per family)
 *   route 10.7.0.0/16 [via 172.18.0.1]   an extra route, on-link without "via" (repeatable)
 *   remove NAME              delete NAME (network disconnect: removes the whole veth pair); when
 *                            present every other directive is ignored
 *
 * lo is always brought up. Addresses and routes that exist already are kept (re-running a spec is
 * harmless). Reply on stdout, one line: "ok", or
 *   netconf: add address 172.18.0.2/16 on eth0: File exists
 * with exit status 0 or 1 (2 for a malformed spec or usage).
 */
#ifndef JCOMPOSE_NETCONF_H
#define JCOMPOSE_NETCONF_H

int netconf_main(int argc, char **argv);

#endif
