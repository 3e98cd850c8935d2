/*
 * User namespaces ("userns 1" with uid_map/gid_map lines, as OCI's linux.uidMappings):
 *
 *   shim (host root)                                   child (clone with CLONE_NEWUSER too)
 *     clone ----------------------------------------->  waits for go
 *     /proc/PID/uid_map, gid_map (setgroups left "allow":
 *       the writer is root in the parent namespace, as runc does when not rootless)
 *     rootfs_overlay: open_tree(OPEN_TREE_CLONE) of each lowerdir, mount_setattr(MOUNT_ATTR_IDMAP,
 *       /proc/PID/ns/user) -> the detached mounts go over the layer socketpair (SCM_RIGHTS); the
 *       container's own upperdir and workdir are chowned to its root (host uid of 0)
 *     "pid N" to the engine, ... "go" ------------------>  setresgid/setresuid(0): the mapped root
 *                                                           receives the layers: a tmpfs on root, each
 *                                                           layer move_mount()ed to root/N, the overlay
 *                                                           mounted on root with lowerdir=N:...
 * Inside, mknod is refused: /dev's default nodes are bind mounts of the host's; sysfs is mounted only
 * in a network namespace of the container's own, else the host's /sys is bound read-only.
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LAYERS 250

int shim_userns_parse(struct shim_spec *s, const char *key, char *value, struct shim_error *err)
{
	int uid = strcmp(key, "uid_map") == 0;
	if (strcmp(key, "userns") == 0) {
		s->userns = atoi(value);
		return 1;
	}
	if (!uid && strcmp(key, "gid_map") != 0)
		return 0;
	struct shim_idmap *maps = uid ? s->uid_map : s->gid_map;
	size_t *n = uid ? &s->nuid_map : &s->ngid_map;
	struct shim_idmap m;
	if (sscanf(value, "%u %u %u", &m.inside, &m.outside, &m.count) != 3 || m.count == 0)
		return shim_fail(err, "spec", EINVAL, "%s \"%s\" is not \"inside outside count\"", key, value);
	if (*n >= SHIM_MAX_IDMAPS)
		return shim_fail(err, "spec", E2BIG, "too many %s lines", key);
	maps[(*n)++] = m;
	return 1;
}

static int write_map(pid_t pid, const char *name, const struct shim_idmap *maps, size_t n, struct shim_error *err)
{
	char path[64], buf[1024];
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%u %u %u\n", maps[i].inside, maps[i].outside, maps[i].count);
	snprintf(path, sizeof(path), "/proc/%d/%s", pid, name);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return shim_fail(err, "userns", errno, "open %s", path);
	ssize_t w = write(fd, buf, len); /* the kernel takes a map in one write only */
	int saved = errno;
	close(fd);
	if (w != (ssize_t)len)
		return shim_fail(err, "userns", saved, "write %s", path);
	return 0;
}

/* The host id that id 0 of the container maps to (its root), or -1 when 0 is not mapped. */
static long host_root(const struct shim_idmap *maps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (maps[i].inside == 0)
			return maps[i].outside;
	return -1;
}

int shim_userns_write_maps(pid_t pid, const struct shim_spec *s, struct shim_error *err)
{
	if (s->nuid_map == 0 || s->ngid_map == 0)
		return shim_fail(err, "userns", EINVAL, "a user namespace needs uid_map and gid_map");
	if (write_map(pid, "uid_map", s->uid_map, s->nuid_map, err) < 0)
		return -1;
	return write_map(pid, "gid_map", s->gid_map, s->ngid_map, err);
}

/* The value of overlay option {@code name} in {@code data} (copied into out), or NULL. */
static char *option(const char *data, const char *name, char *out, size_t size)
{
	size_t n = strlen(name);
	for (const char *p = data; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
		if (strncmp(p, name, n) == 0 && p[n] == '=') {
			const char *v = p + n + 1;
			size_t len = strcspn(v, ",");
			if (len >= size)
				return NULL;
			memcpy(out, v, len);
			out[len] = '\0';
			return out;
		}
	}
	return NULL;
}

static int send_fds(int sock, const int *fds, size_t n, struct shim_error *err)
{
	char count = (char)(n > 0 ? 1 : 0);
	char control[CMSG_SPACE(sizeof(int) * MAX_LAYERS)];
	memset(control, 0, sizeof(control));
	struct iovec iov = {&count, 1};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	if (n > 0) {
		msg.msg_control = control;
		msg.msg_controllen = CMSG_SPACE(sizeof(int) * n);
		struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * n);
		memcpy(CMSG_DATA(c), fds, sizeof(int) * n);
	}
	if (sendmsg(sock, &msg, 0) < 0)
		return shim_fail(err, "idmapped layers", errno, "send %zu layer mounts to the container", n);
	return 0;
}

int shim_userns_send_layers(pid_t pid, const struct shim_spec *s, int sock, struct shim_error *err)
{
	char lower[16384], dir[4096], path[64];
	int fds[MAX_LAYERS];
	size_t n = 0;
	if (!option(s->rootfs_overlay, "lowerdir", lower, sizeof(lower)))
		return shim_fail(err, "idmapped layers", EINVAL, "no lowerdir in the overlay options");
	long uid = host_root(s->uid_map, s->nuid_map), gid = host_root(s->gid_map, s->ngid_map);
	if (uid < 0 || gid < 0)
		return shim_fail(err, "idmapped layers", EINVAL, "the container's root (id 0) is not mapped");
	for (const char *name = "upperdir"; name; name = strcmp(name, "upperdir") == 0 ? "workdir" : NULL)
		if (option(s->rootfs_overlay, name, dir, sizeof(dir)) && chown(dir, (uid_t)uid, (gid_t)gid) < 0)
			return shim_fail(err, "idmapped layers", errno, "chown the container's %s %s to %ld:%ld", name, dir, uid, gid);
	snprintf(path, sizeof(path), "/proc/%d/ns/user", pid);
	int userns = open(path, O_RDONLY | O_CLOEXEC);
	if (userns < 0)
		return shim_fail(err, "idmapped layers", errno, "open %s", path);
	struct mount_attr attr = {.attr_set = MOUNT_ATTR_IDMAP, .userns_fd = (__u64)userns};
	int ret = 0;
	char *save = NULL;
	for (char *layer = strtok_r(lower, ":", &save); layer && ret == 0; layer = strtok_r(NULL, ":", &save)) {
		int fd = n < MAX_LAYERS ? open_tree(AT_FDCWD, layer, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC) : -1;
		if (fd < 0)
			ret = shim_fail(err, "idmapped layers", n < MAX_LAYERS ? errno : E2BIG, "open_tree(OPEN_TREE_CLONE) %s", layer);
		else if (mount_setattr(fd, "", AT_EMPTY_PATH, &attr, sizeof(attr)) < 0)
			ret = shim_fail(err, "idmapped layers", errno, "mount_setattr(MOUNT_ATTR_IDMAP) %s", layer);
		if (fd >= 0)
			fds[n++] = fd;
	}
	close(userns);
	if (ret == 0)
		ret = send_fds(sock, fds, n, err);
	for (size_t i = 0; i < n; i++)
		close(fds[i]);
	return ret;
}

/* Overlay options without lowerdir (upperdir, workdir, the rest), appended to out. */
static void other_options(const char *data, char *out, size_t size)
{
	char copy[16384];
	snprintf(copy, sizeof(copy), "%s", data);
	char *save = NULL;
	for (char *o = strtok_r(copy, ",", &save); o; o = strtok_r(NULL, ",", &save)) {
		if (strncmp(o, "lowerdir=", 9) != 0) {
			size_t len = strlen(out);
			snprintf(out + len, size - len, ",%s", o);
		}
	}
}

int shim_userns_mount_rootfs(const struct shim_spec *s, int sock, struct shim_error *err)
{
	char count;
	char control[CMSG_SPACE(sizeof(int) * MAX_LAYERS)];
	struct iovec iov = {&count, 1};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control)};
	if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) <= 0)
		return shim_fail(err, "idmapped layers", errno ? errno : EPIPE, "receive the layer mounts");
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	if (!c || c->cmsg_type != SCM_RIGHTS)
		return shim_fail(err, "idmapped layers", EPROTO, "no layer mounts received");
	size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
	int fds[MAX_LAYERS];
	memcpy(fds, CMSG_DATA(c), sizeof(int) * n);
	/* the layers are attached under a private tmpfs on the rootfs mount point, which the overlay then covers */
	if (mount("tmpfs", s->root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=700") < 0)
		return shim_fail(err, "idmapped layers", errno, "mount a tmpfs for the layers on %s", s->root);
	if (chdir(s->root) < 0)
		return shim_fail(err, "idmapped layers", errno, "chdir %s", s->root);
	static char data[20000];
	size_t len = (size_t)snprintf(data, sizeof(data), "lowerdir=");
	for (size_t i = 0; i < n; i++) {
		char name[16];
		snprintf(name, sizeof(name), "%zu", i);
		if (mkdir(name, 0700) < 0)
			return shim_fail(err, "idmapped layers", errno, "mkdir %s/%s", s->root, name);
		if (move_mount(fds[i], "", AT_FDCWD, name, MOVE_MOUNT_F_EMPTY_PATH) < 0)
			return shim_fail(err, "idmapped layers", errno, "move_mount layer %zu to %s/%s", i, s->root, name);
		close(fds[i]);
		len += (size_t)snprintf(data + len, sizeof(data) - len, "%s%s", i ? ":" : "", name);
	}
	other_options(s->rootfs_overlay, data, sizeof(data));
	if (mount("overlay", s->root, "overlay", 0, data) < 0)
		return shim_fail(err, "rootfs", errno, "mount the overlay rootfs with idmapped layers on %s", s->root);
	if (chdir("/") < 0)
		return shim_fail(err, "idmapped layers", errno, "chdir /");
	return 0;
}

/* In the child after go: from the unmapped overflow ids to the container's root. */
int shim_userns_become_root(struct shim_error *err)
{
	if (setresgid(0, 0, 0) < 0)
		return shim_fail(err, "userns", errno, "setresgid 0 in the user namespace");
	if (setresuid(0, 0, 0) < 0)
		return shim_fail(err, "userns", errno, "setresuid 0 in the user namespace");
	return 0;
}

/* mknod is refused in a user namespace: the device node is a bind mount of the host's (runc's rootless way). */
int shim_userns_bind_device(const char *path, const char *name, struct shim_error *err)
{
	char host[64];
	snprintf(host, sizeof(host), "/dev/%s", name);
	int fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
	if (fd < 0)
		return shim_fail(err, "devices", errno, "create the mount point /dev/%s", name);
	close(fd);
	if (mount(host, path, NULL, MS_BIND, NULL) < 0)
		return shim_fail(err, "devices", errno, "bind the host's %s", host);
	return 0;
}

/* sysfs can be mounted only by the owner of the network namespace: without one of its own the
 * container gets the host's /sys, bound read-only (recursively, with mount_setattr). */
const struct shim_mount *shim_userns_mount(const struct shim_spec *s, const struct shim_mount *m, struct shim_mount *scratch)
{
	if (!s->userns || s->new_netns || !m->type || strcmp(m->type, "sysfs") != 0)
		return m;
	*scratch = *m;
	scratch->type = "bind";
	scratch->source = "/sys";
	scratch->flags = MS_BIND | MS_REC;
	scratch->data = NULL;
	return scratch;
}
