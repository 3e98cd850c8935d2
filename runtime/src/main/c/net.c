/*
 * jcompose-shim net ...: the kernel side of bridge networks over rtnetlink (no ip(8)):
 *   net bridge NAME ADDR/PREFIX MTU        create the bridge (if missing) with the gateway address, up
 *   net attach PID BRIDGE HOSTIF ADDR/PREFIX GATEWAY MTU IFNAME
 *                                          veth HOSTIF <-> peer in PID's netns on BRIDGE; inside: rename
 *                                          the peer to IFNAME, address, up, lo up, default route (GATEWAY "-": none)
 *   net delete NAME                         delete a link (bridge or veth)
 * Exit 0, or 1 with "error net\t<errno>\t<message>" on stderr.
 */
#define _GNU_SOURCE
#include "shim.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

union nlreq {
	struct nlmsghdr hdr;
	char raw[8192];
};

static struct rtattr *attr(struct nlmsghdr *h, int type, const void *data, size_t len)
{
	char *base = (char *)h;
	struct rtattr *a = (struct rtattr *)(base + NLMSG_ALIGN(h->nlmsg_len));
	a->rta_type = (unsigned short)type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	for (size_t i = 0; i < len; i++)
		((char *)RTA_DATA(a))[i] = ((const char *)data)[i];
	h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len) + RTA_ALIGN(a->rta_len);
	return a;
}

static void nest_end(struct nlmsghdr *h, struct rtattr *nest)
{
	nest->rta_len = (unsigned short)((char *)h + NLMSG_ALIGN(h->nlmsg_len) - (char *)nest);
}

/* Sends one request and reads its ACK; returns 0, or -errno from the kernel. */
static int talk(struct nlmsghdr *h)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return -errno;
	struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
	h->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	h->nlmsg_seq = 1;
	if (sendto(fd, h, h->nlmsg_len, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int e = errno;
		close(fd);
		return -e;
	}
	char buf[8192];
	ssize_t n = recv(fd, buf, sizeof(buf), 0);
	close(fd);
	if (n < 0)
		return -errno;
	struct nlmsghdr *r = (struct nlmsghdr *)buf;
	if (r->nlmsg_type == NLMSG_ERROR)
		return ((struct nlmsgerr *)NLMSG_DATA(r))->error;
	return 0;
}

static void link_msg(union nlreq *req, int type, int flags, int index)
{
	memset(req, 0, sizeof(*req));
	req->hdr.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	req->hdr.nlmsg_type = (unsigned short)type;
	req->hdr.nlmsg_flags = (unsigned short)flags;
	struct ifinfomsg *ifi = NLMSG_DATA(&req->hdr);
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = index;
}

static int set_up(int index, const char *rename_to, int master)
{
	union nlreq req;
	link_msg(&req, RTM_NEWLINK, 0, index);
	struct ifinfomsg *ifi = NLMSG_DATA(&req.hdr);
	ifi->ifi_flags = IFF_UP;
	ifi->ifi_change = IFF_UP;
	if (rename_to)
		attr(&req.hdr, IFLA_IFNAME, rename_to, strlen(rename_to) + 1);
	if (master > 0)
		attr(&req.hdr, IFLA_MASTER, &master, sizeof(master));
	return talk(&req.hdr);
}

static int parse_cidr(const char *cidr, struct in_addr *addr, int *prefix)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%s", cidr);
	char *slash = strchr(buf, '/');
	*prefix = slash ? atoi(slash + 1) : 32;
	if (slash)
		*slash = '\0';
	return inet_pton(AF_INET, buf, addr) == 1 ? 0 : -EINVAL;
}

static int add_address(int index, const char *cidr)
{
	struct in_addr a;
	int prefix;
	if (parse_cidr(cidr, &a, &prefix) < 0)
		return -EINVAL;
	union nlreq req;
	memset(&req, 0, sizeof(req));
	req.hdr.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifaddrmsg));
	req.hdr.nlmsg_type = RTM_NEWADDR;
	req.hdr.nlmsg_flags = NLM_F_CREATE | NLM_F_EXCL;
	struct ifaddrmsg *ifa = NLMSG_DATA(&req.hdr);
	ifa->ifa_family = AF_INET;
	ifa->ifa_prefixlen = (unsigned char)prefix;
	ifa->ifa_index = (unsigned)index;
	attr(&req.hdr, IFA_LOCAL, &a, sizeof(a));
	attr(&req.hdr, IFA_ADDRESS, &a, sizeof(a));
	int r = talk(&req.hdr);
	return r == -EEXIST ? 0 : r;
}

static int add_default_route(const char *gateway)
{
	struct in_addr gw;
	if (inet_pton(AF_INET, gateway, &gw) != 1)
		return -EINVAL;
	union nlreq req;
	memset(&req, 0, sizeof(req));
	req.hdr.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg));
	req.hdr.nlmsg_type = RTM_NEWROUTE;
	req.hdr.nlmsg_flags = NLM_F_CREATE | NLM_F_EXCL;
	struct rtmsg *rt = NLMSG_DATA(&req.hdr);
	rt->rtm_family = AF_INET;
	rt->rtm_table = RT_TABLE_MAIN;
	rt->rtm_protocol = RTPROT_BOOT;
	rt->rtm_scope = RT_SCOPE_UNIVERSE;
	rt->rtm_type = RTN_UNICAST;
	attr(&req.hdr, RTA_GATEWAY, &gw, sizeof(gw));
	int r = talk(&req.hdr);
	return r == -EEXIST ? 0 : r;
}

static int fail(int err, const char *what)
{
	fprintf(stderr, "error net\t%d\t%s: %s\n", -err, what, strerror(-err));
	return 1;
}

static int cmd_bridge(char **argv)
{
	const char *name = argv[0];
	int mtu = atoi(argv[2]);
	if (if_nametoindex(name) == 0) {
		union nlreq req;
		link_msg(&req, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, 0);
		attr(&req.hdr, IFLA_IFNAME, name, strlen(name) + 1);
		if (mtu > 0)
			attr(&req.hdr, IFLA_MTU, &mtu, sizeof(mtu));
		struct rtattr *info = attr(&req.hdr, IFLA_LINKINFO, NULL, 0);
		attr(&req.hdr, IFLA_INFO_KIND, "bridge", 7);
		nest_end(&req.hdr, info);
		int r = talk(&req.hdr);
		if (r < 0 && r != -EEXIST)
			return fail(r, "create bridge");
	}
	int index = (int)if_nametoindex(name);
	int r = add_address(index, argv[1]);
	if (r < 0)
		return fail(r, "add the gateway address to the bridge");
	r = set_up(index, NULL, 0);
	return r < 0 ? fail(r, "bring the bridge up") : 0;
}

static int cmd_attach(char **argv)
{
	int pid = atoi(argv[0]);
	const char *bridge = argv[1], *hostif = argv[2], *cidr = argv[3], *gateway = argv[4], *ifname = argv[6];
	int mtu = atoi(argv[5]);
	char peer[IFNAMSIZ];
	snprintf(peer, sizeof(peer), "jcp%d", pid % 1000000);
	union nlreq req;
	link_msg(&req, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, 0);
	attr(&req.hdr, IFLA_IFNAME, hostif, strlen(hostif) + 1);
	if (mtu > 0)
		attr(&req.hdr, IFLA_MTU, &mtu, sizeof(mtu));
	struct rtattr *info = attr(&req.hdr, IFLA_LINKINFO, NULL, 0);
	attr(&req.hdr, IFLA_INFO_KIND, "veth", 5);
	struct rtattr *data = attr(&req.hdr, IFLA_INFO_DATA, NULL, 0);
	struct rtattr *peerinfo = attr(&req.hdr, VETH_INFO_PEER, NULL, 0);
	req.hdr.nlmsg_len += sizeof(struct ifinfomsg);
	memset((char *)RTA_DATA(peerinfo), 0, sizeof(struct ifinfomsg));
	attr(&req.hdr, IFLA_IFNAME, peer, strlen(peer) + 1);
	/* Docker's MAC from the address (02:42 + the IPv4 bytes): a container recreated with its kept
	 * address keeps its MAC too, so neighbours' ARP caches stay right. */
	struct in_addr a4;
	int plen;
	if (parse_cidr(cidr, &a4, &plen) == 0) {
		unsigned char mac[6] = { 0x02, 0x42 };
		memcpy(mac + 2, &a4.s_addr, 4);
		attr(&req.hdr, IFLA_ADDRESS, mac, sizeof(mac));
	}
	attr(&req.hdr, IFLA_NET_NS_PID, &pid, sizeof(pid));
	if (mtu > 0)
		attr(&req.hdr, IFLA_MTU, &mtu, sizeof(mtu));
	nest_end(&req.hdr, peerinfo);
	nest_end(&req.hdr, data);
	nest_end(&req.hdr, info);
	int r = talk(&req.hdr);
	if (r < 0)
		return fail(r, "create the veth pair");
	int master = (int)if_nametoindex(bridge);
	if (master == 0)
		return fail(-ENODEV, "find the bridge");
	r = set_up((int)if_nametoindex(hostif), NULL, master);
	if (r < 0)
		return fail(r, "attach the veth to the bridge");
	char nspath[64];
	snprintf(nspath, sizeof(nspath), "/proc/%d/ns/net", pid);
	int fd = open(nspath, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || setns(fd, CLONE_NEWNET) < 0)
		return fail(-errno, "enter the container's network namespace");
	close(fd);
	r = set_up((int)if_nametoindex("lo"), NULL, 0);
	if (r < 0)
		return fail(r, "bring lo up");
	int index = (int)if_nametoindex(peer);
	r = set_up(index, ifname, 0);
	if (r < 0)
		return fail(r, "rename and bring up the container's interface");
	r = add_address(index, cidr);
	if (r < 0)
		return fail(r, "add the container's address");
	if (strcmp(gateway, "-") != 0 && (r = add_default_route(gateway)) < 0)
		return fail(r, "add the default route");
	return 0;
}

static int cmd_delete(char **argv)
{
	int index = (int)if_nametoindex(argv[0]);
	if (index == 0)
		return 0;
	union nlreq req;
	link_msg(&req, RTM_DELLINK, 0, index);
	int r = talk(&req.hdr);
	return r < 0 && r != -ENODEV ? fail(r, "delete link") : 0;
}

int net_main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "bridge") == 0)
		return cmd_bridge(argv + 2);
	if (argc == 9 && strcmp(argv[1], "attach") == 0)
		return cmd_attach(argv + 2);
	if (argc == 3 && strcmp(argv[1], "delete") == 0)
		return cmd_delete(argv + 2);
	fprintf(stderr, "usage: jcompose-shim net bridge NAME ADDR/PREFIX MTU | attach PID BRIDGE HOSTIF ADDR/PREFIX GATEWAY MTU IFNAME | delete NAME\n");
	return 2;
}
