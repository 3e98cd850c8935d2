/* jcompose-shim netconf: in-netns interface configuration over rtnetlink. Spec: see netconf.h. */
#define _GNU_SOURCE
#include "netconf.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NC_MAX_ITEMS 16
#define NC_TEXT 64

struct nc_cidr {
	int family;
	unsigned char addr[16];
	int prefix;
	char text[NC_TEXT];
};

struct nc_route {
	struct nc_cidr dst;
	int has_via;
	struct nc_cidr via;
};

struct nc_spec {
	char link[IFNAMSIZ];
	char rename[IFNAMSIZ];
	char remove[IFNAMSIZ];
	unsigned char mac[6];
	int has_mac;
	int mtu;
	struct nc_cidr addrs[NC_MAX_ITEMS];
	int naddrs;
	struct nc_cidr gateways[2];
	int ngateways;
	struct nc_route routes[NC_MAX_ITEMS];
	int nroutes;
};

struct nc_req {
	struct nlmsghdr hdr;
	char buf[1024];
};

static int nc_fd = -1;
static unsigned nc_seq;

static int nc_fail(const char *what, const char *on, int err)
{
	printf("netconf: %s%s%s: %s\n", what, on ? " on " : "", on ? on : "", strerror(err));
	fflush(stdout);
	return 1;
}

static int nc_bad_spec(const char *line, const char *why)
{
	printf("netconf: read spec line \"%s\": %s\n", line, why);
	fflush(stdout);
	return 2;
}

static void nc_attr(struct nlmsghdr *h, unsigned short type, const void *data, size_t len)
{
	struct rtattr *a = (struct rtattr *)((char *)h + NLMSG_ALIGN(h->nlmsg_len));
	a->rta_type = type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(a), data, len);
	h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len) + RTA_ALIGN(a->rta_len);
}

static void nc_begin(struct nc_req *r, unsigned short type, unsigned short flags, size_t body)
{
	memset(r, 0, sizeof(*r));
	r->hdr.nlmsg_len = (unsigned)NLMSG_LENGTH(body);
	r->hdr.nlmsg_type = type;
	r->hdr.nlmsg_flags = (unsigned short)(flags | NLM_F_REQUEST | NLM_F_ACK);
	r->hdr.nlmsg_seq = ++nc_seq;
}

/* Sends one request and waits for its ACK; returns 0 or a positive errno. */
static int nc_talk(struct nc_req *r)
{
	struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
	if (sendto(nc_fd, r, r->hdr.nlmsg_len, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return errno;
	char buf[4096];
	for (;;) {
		ssize_t n = recv(nc_fd, buf, sizeof(buf), 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		int left = (int)n;
		for (struct nlmsghdr *m = (struct nlmsghdr *)buf; NLMSG_OK(m, left); m = NLMSG_NEXT(m, left)) {
			if (m->nlmsg_seq != r->hdr.nlmsg_seq || m->nlmsg_type != NLMSG_ERROR)
				continue;
			return -((struct nlmsgerr *)NLMSG_DATA(m))->error;
		}
	}
}

static int nc_parse_cidr(const char *text, struct nc_cidr *c, int need_prefix)
{
	char buf[NC_TEXT];
	if (strlen(text) >= sizeof(buf))
		return -1;
	strcpy(buf, text);
	strcpy(c->text, text);
	char *slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	else if (need_prefix)
		return -1;
	c->family = strchr(buf, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(c->family, buf, c->addr) != 1)
		return -1;
	int max = c->family == AF_INET ? 32 : 128;
	c->prefix = max;
	if (slash) {
		char *end;
		long p = strtol(slash + 1, &end, 10);
		if (*end || end == slash + 1 || p < 0 || p > max)
			return -1;
		c->prefix = (int)p;
	}
	return 0;
}

static size_t nc_alen(const struct nc_cidr *c)
{
	return c->family == AF_INET ? 4 : 16;
}

static int nc_parse_line(char *line, struct nc_spec *s)
{
	char *save = NULL;
	char *key = strtok_r(line, " ", &save);
	char *a = key ? strtok_r(NULL, " ", &save) : NULL;
	char *b = a ? strtok_r(NULL, " ", &save) : NULL;
	char *c = b ? strtok_r(NULL, " ", &save) : NULL;
	if (!key)
		return 0;
	if (!a)
		return -1;
	if (strcmp(key, "link") == 0 && strlen(a) < IFNAMSIZ && (!b || strlen(b) < IFNAMSIZ)) {
		strcpy(s->link, a);
		if (b)
			strcpy(s->rename, b);
		return 0;
	}
	if (strcmp(key, "remove") == 0 && strlen(a) < IFNAMSIZ) {
		strcpy(s->remove, a);
		return 0;
	}
	if (strcmp(key, "mac") == 0) {
		unsigned m[6];
		if (sscanf(a, "%2x:%2x:%2x:%2x:%2x:%2x", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5]) != 6)
			return -1;
		for (int i = 0; i < 6; i++)
			s->mac[i] = (unsigned char)m[i];
		s->has_mac = 1;
		return 0;
	}
	if (strcmp(key, "mtu") == 0) {
		s->mtu = atoi(a);
		return s->mtu >= 68 && s->mtu <= 65535 ? 0 : -1;
	}
	if (strcmp(key, "addr") == 0 && s->naddrs < NC_MAX_ITEMS)
		return nc_parse_cidr(a, &s->addrs[s->naddrs++], 1);
	if (strcmp(key, "gateway") == 0 && s->ngateways < 2)
		return nc_parse_cidr(a, &s->gateways[s->ngateways++], 0);
	if (strcmp(key, "route") == 0 && s->nroutes < NC_MAX_ITEMS) {
		struct nc_route *r = &s->routes[s->nroutes++];
		if (nc_parse_cidr(a, &r->dst, 1) < 0)
			return -1;
		if (!b)
			return 0;
		r->has_via = 1;
		return c && strcmp(b, "via") == 0 ? nc_parse_cidr(c, &r->via, 0) : -1;
	}
	return -1;
}

static int nc_read_spec(struct nc_spec *s)
{
	char line[256];
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\r\n")] = '\0';
		char copy[256];
		strcpy(copy, line);
		if (nc_parse_line(line, s) < 0)
			return nc_bad_spec(copy, "unknown directive or bad value");
	}
	if (!s->link[0] && !s->remove[0])
		return nc_bad_spec("", "no link or remove directive");
	return 0;
}

static int nc_link_set(int index, const char *name, int up, int mtu, const unsigned char *mac)
{
	struct nc_req r;
	nc_begin(&r, RTM_NEWLINK, 0, sizeof(struct ifinfomsg));
	struct ifinfomsg *ifi = NLMSG_DATA(&r.hdr);
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = index;
	ifi->ifi_change = up >= 0 ? IFF_UP : 0;
	ifi->ifi_flags = up > 0 ? IFF_UP : 0;
	if (name)
		nc_attr(&r.hdr, IFLA_IFNAME, name, strlen(name) + 1);
	if (mtu > 0)
		nc_attr(&r.hdr, IFLA_MTU, &mtu, sizeof(mtu));
	if (mac)
		nc_attr(&r.hdr, IFLA_ADDRESS, mac, 6);
	return nc_talk(&r);
}

static int nc_add_addr(int index, const struct nc_cidr *c)
{
	struct nc_req r;
	nc_begin(&r, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, sizeof(struct ifaddrmsg));
	struct ifaddrmsg *ifa = NLMSG_DATA(&r.hdr);
	ifa->ifa_family = (unsigned char)c->family;
	ifa->ifa_prefixlen = (unsigned char)c->prefix;
	ifa->ifa_index = (unsigned)index;
	nc_attr(&r.hdr, IFA_LOCAL, c->addr, nc_alen(c));
	nc_attr(&r.hdr, IFA_ADDRESS, c->addr, nc_alen(c));
	if (c->family == AF_INET6) {
		unsigned flags = IFA_F_NODAD;
		nc_attr(&r.hdr, IFA_FLAGS, &flags, sizeof(flags));
	}
	int e = nc_talk(&r);
	return e == EEXIST ? 0 : e;
}

/* A route to dst (prefix 0: default) via gw, or on-link when gw is NULL. */
static int nc_add_route(int index, const struct nc_cidr *dst, int prefix, const struct nc_cidr *gw)
{
	struct nc_req r;
	nc_begin(&r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, sizeof(struct rtmsg));
	struct rtmsg *rt = NLMSG_DATA(&r.hdr);
	rt->rtm_family = (unsigned char)(gw ? gw->family : dst->family);
	rt->rtm_dst_len = (unsigned char)prefix;
	rt->rtm_table = RT_TABLE_MAIN;
	rt->rtm_protocol = RTPROT_BOOT;
	rt->rtm_scope = gw ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	rt->rtm_type = RTN_UNICAST;
	if (prefix > 0)
		nc_attr(&r.hdr, RTA_DST, dst->addr, nc_alen(dst));
	if (gw)
		nc_attr(&r.hdr, RTA_GATEWAY, gw->addr, nc_alen(gw));
	nc_attr(&r.hdr, RTA_OIF, &index, sizeof(index));
	int e = nc_talk(&r);
	return e == EEXIST ? 0 : e;
}

static int nc_delete(const char *name)
{
	int index = (int)if_nametoindex(name);
	if (index == 0)
		return 0;
	struct nc_req r;
	nc_begin(&r, RTM_DELLINK, 0, sizeof(struct ifinfomsg));
	((struct ifinfomsg *)NLMSG_DATA(&r.hdr))->ifi_index = index;
	int e = nc_talk(&r);
	return e == ENODEV ? 0 : e;
}

static int nc_configure(const struct nc_spec *s)
{
	char what[2 * NC_TEXT];
	int e, lo = (int)if_nametoindex("lo");
	if (lo && (e = nc_link_set(lo, NULL, 1, 0, NULL)))
		return nc_fail("bring up", "lo", e);
	int index = (int)if_nametoindex(s->link);
	const char *name = s->link;
	if (index == 0 && s->rename[0] && (index = (int)if_nametoindex(s->rename)) != 0)
		name = s->rename; /* renamed by an earlier run */
	if (index == 0) {
		snprintf(what, sizeof(what), "find link %s", s->link);
		return nc_fail(what, NULL, ENODEV);
	}
	int renaming = s->rename[0] && strcmp(name, s->rename) != 0;
	/* The name and MAC change while the link is down. */
	if ((renaming || s->has_mac) && (e = nc_link_set(index, NULL, 0, 0, NULL)))
		return nc_fail("set down", name, e);
	if (renaming) {
		if ((e = nc_link_set(index, s->rename, -1, 0, NULL)))
			return nc_fail("rename link to", s->rename, e);
		name = s->rename;
	}
	if ((s->mtu || s->has_mac) && (e = nc_link_set(index, NULL, -1, s->mtu, s->has_mac ? s->mac : NULL)))
		return nc_fail(s->has_mac ? "set MAC address and MTU" : "set MTU", name, e);
	for (int i = 0; i < s->naddrs; i++) {
		if ((e = nc_add_addr(index, &s->addrs[i]))) {
			snprintf(what, sizeof(what), "add address %s", s->addrs[i].text);
			return nc_fail(what, name, e);
		}
	}
	if ((e = nc_link_set(index, NULL, 1, 0, NULL)))
		return nc_fail("set up", name, e);
	for (int i = 0; i < s->ngateways; i++) {
		if ((e = nc_add_route(index, &s->gateways[i], 0, &s->gateways[i]))) {
			snprintf(what, sizeof(what), "add default route via %s", s->gateways[i].text);
			return nc_fail(what, name, e);
		}
	}
	for (int i = 0; i < s->nroutes; i++) {
		const struct nc_route *rt = &s->routes[i];
		if ((e = nc_add_route(index, &rt->dst, rt->dst.prefix, rt->has_via ? &rt->via : NULL))) {
			snprintf(what, sizeof(what), "add route %s", rt->dst.text);
			return nc_fail(what, name, e);
		}
	}
	return 0;
}

int netconf_main(int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[1], "--netns") != 0) {
		fprintf(stderr, "usage: jcompose-shim netconf --netns /proc/PID/ns/net < spec\n");
		return 2;
	}
	static struct nc_spec spec;
	int r = nc_read_spec(&spec);
	if (r)
		return r;
	int ns = open(argv[2], O_RDONLY | O_CLOEXEC);
	if (ns < 0)
		return nc_fail("open network namespace", argv[2], errno);
	if (setns(ns, CLONE_NEWNET) < 0)
		return nc_fail("enter network namespace", argv[2], errno);
	close(ns);
	nc_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (nc_fd < 0)
		return nc_fail("open netlink socket", NULL, errno);
	if (spec.remove[0]) {
		int e = nc_delete(spec.remove);
		r = e ? nc_fail("delete link", spec.remove, e) : 0;
	} else {
		r = nc_configure(&spec);
	}
	close(nc_fd);
	if (r == 0) {
		printf("ok\n");
		fflush(stdout);
	}
	return r;
}
