/*
 * User namespaces ("userns 1" with uid_map/gid_map lines, as OCI's linux.uidMappings):
 *
 *   shim (host root)                                   child (clone with CLONE_NEWUSER too)
 *     clone ----------------------------------------->  waits for go
 *     /proc/PID/uid_map, gid_map (setgroups left "allow":
 *       the writer is root in the parent namespace, as runc does when not rootless)
 *     /proc/PID/oom_score_adj (the remapped root could not write its own)
 *     rootfs_overlay: open_tree(OPEN_TREE_CLONE) of each lowerdir, mount_setattr(MOUNT_ATTR_IDMAP,
 *       /proc/PID/ns/user); fsopen("overlay") with those as "lowerdir+" (by fd) and the container's own
 *       upperdir and workdir (chowned to its root, the host id of 0: what it writes shows as the
 *       mapped uid on the host, as under dockerd's remapping); fsmount -> the detached overlay goes
 *       over the layer socketpair (SCM_RIGHTS)
 *     "pid N" to the engine, ... "go" ------------------>  setresgid/setresuid(0): the mapped root;
 *                                                           move_mount()s the overlay onto root
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

#define MAX_LAYERS 500 /* overlayfs' own limit of lower layers */

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

static int write_maps(pid_t pid, const struct shim_spec *s, struct shim_error *err)
{
	if (s->nuid_map == 0 || s->ngid_map == 0)
		return shim_fail(err, "userns", EINVAL, "a user namespace needs uid_map and gid_map");
	if (write_map(pid, "uid_map", s->uid_map, s->nuid_map, err) < 0)
		return -1;
	return write_map(pid, "gid_map", s->gid_map, s->ngid_map, err);
}

/* fsconfig's failure, with the filesystem's own message when it left one in the context's log. */
static int fs_fail(int fs, struct shim_error *err, const char *what)
{
	int saved = errno;
	char log[256] = "";
	ssize_t n = read(fs, log, sizeof(log) - 1);
	log[n > 0 ? n - (log[n - 1] == '\n') : 0] = '\0';
	return shim_fail(err, "rootfs", saved, "overlay %s%s%s", what, *log ? ": " : "", log);
}

/* A detached mount of the layer, idmapped with the container's user namespace (its root sees host uid 0 as 0). */
static int idmapped_layer(const char *layer, int userns, struct shim_error *err)
{
	struct mount_attr attr = {.attr_set = MOUNT_ATTR_IDMAP, .userns_fd = (__u64)userns};
	int fd = open_tree(AT_FDCWD, layer, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
	if (fd < 0)
		return shim_fail(err, "idmapped layers", errno, "open_tree(OPEN_TREE_CLONE) %s", layer);
	if (mount_setattr(fd, "", AT_EMPTY_PATH, &attr, sizeof(attr)) < 0) {
		shim_fail(err, "idmapped layers", errno, "mount_setattr(MOUNT_ATTR_IDMAP) %s", layer);
		close(fd);
		return -1;
	}
	return fd;
}

/* The overlay, made by the shim (so its mounter is host root: trusted.overlay.* xattrs such as the layers'
 * opaque markers keep working) from idmapped lower layers ("lowerdir+" by fd, topmost first) and the container's
 * own upperdir and workdir, chowned to the container's root; the child attaches it. */
static int send_rootfs(pid_t pid, const struct shim_spec *s, int sock, struct shim_error *err)
{
	char opts[16384], path[64];
	long uid = host_root(s->uid_map, s->nuid_map), gid = host_root(s->gid_map, s->ngid_map);
	if (uid < 0 || gid < 0)
		return shim_fail(err, "idmapped layers", EINVAL, "the container's root (id 0) is not mapped");
	snprintf(path, sizeof(path), "/proc/%d/ns/user", pid);
	int userns = open(path, O_RDONLY | O_CLOEXEC);
	if (userns < 0)
		return shim_fail(err, "idmapped layers", errno, "open %s", path);
	/* the detached layer mounts stay open until the overlay is made: closing one dissolves it */
	int layers[MAX_LAYERS];
	size_t nlayers = 0;
	int fs = fsopen("overlay", FSOPEN_CLOEXEC), ret = 0;
	if (fs < 0)
		ret = shim_fail(err, "rootfs", errno, "fsopen overlay");
	snprintf(opts, sizeof(opts), "%s", s->rootfs_overlay);
	char *save = NULL;
	for (char *o = strtok_r(opts, ",", &save); o && ret == 0; o = strtok_r(NULL, ",", &save)) {
		char *v = strchr(o, '=');
		if (v)
			*v++ = '\0';
		if (v && strcmp(o, "lowerdir") == 0) {
			char *lsave = NULL;
			for (char *layer = strtok_r(v, ":", &lsave); layer && ret == 0; layer = strtok_r(NULL, ":", &lsave)) {
				int fd = nlayers < MAX_LAYERS ? idmapped_layer(layer, userns, err) : -1;
				if (fd < 0)
					ret = nlayers < MAX_LAYERS ? -1 : shim_fail(err, "rootfs", E2BIG, "more than %d layers", MAX_LAYERS);
				else if ((layers[nlayers++] = fd, fsconfig(fs, FSCONFIG_SET_FD, "lowerdir+", NULL, fd)) < 0)
					ret = fs_fail(fs, err, "lowerdir+ (an idmapped layer)");
			}
			continue;
		}
		if (v && (strcmp(o, "upperdir") == 0 || strcmp(o, "workdir") == 0) && chown(v, (uid_t)uid, (gid_t)gid) < 0)
			ret = shim_fail(err, "rootfs", errno, "chown the container's %s %s to %ld:%ld", o, v, uid, gid);
		else if ((v ? fsconfig(fs, FSCONFIG_SET_STRING, o, v, 0) : fsconfig(fs, FSCONFIG_SET_FLAG, o, NULL, 0)) < 0)
			ret = fs_fail(fs, err, o);
	}
	close(userns);
	if (ret == 0 && fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) < 0)
		ret = fs_fail(fs, err, "create");
	for (size_t i = 0; i < nlayers; i++)
		close(layers[i]);
	int mnt = ret == 0 ? fsmount(fs, FSMOUNT_CLOEXEC, 0) : -1;
	if (ret == 0 && mnt < 0)
		ret = shim_fail(err, "rootfs", errno, "fsmount overlay");
	if (ret == 0 && shim_send_fd(sock, mnt) < 0)
		ret = shim_fail(err, "idmapped layers", errno, "send the rootfs mount to the container");
	if (mnt >= 0)
		close(mnt);
	if (fs >= 0)
		close(fs);
	return ret;
}

int shim_userns_mount_rootfs(const struct shim_spec *s, int sock, struct shim_error *err)
{
	int fd = shim_recv_fd(sock);
	if (fd < 0)
		return shim_fail(err, "rootfs", errno, "receive the rootfs mount from the shim");
	if (move_mount(fd, "", AT_FDCWD, s->root, MOVE_MOUNT_F_EMPTY_PATH) < 0)
		return shim_fail(err, "rootfs", errno, "move_mount the overlay rootfs to %s", s->root);
	close(fd);
	return 0;
}

/* oom_score_adj below the current one needs CAP_SYS_RESOURCE of the host: the shim writes it from outside, before go (as runc does). */
static int oom_score_adj(pid_t pid, const struct shim_spec *s, struct shim_error *err)
{
	char path[64], value[32];
	snprintf(path, sizeof(path), "/proc/%d/oom_score_adj", pid);
	int len = snprintf(value, sizeof(value), "%d", s->oom_score_adj);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, value, (size_t)len) != len) {
		int saved = errno;
		if (fd >= 0)
			close(fd);
		return shim_fail(err, "oom_score_adj", saved, "set oom_score_adj %d", s->oom_score_adj);
	}
	close(fd);
	return 0;
}

/* In the shim between clone and "pid": the maps, oom_score_adj (needs the host's CAP_SYS_RESOURCE), the rootfs. */
int shim_userns_prepare(pid_t pid, const struct shim_spec *s, int layer_sock, struct shim_error *err)
{
	if (write_maps(pid, s, err) < 0)
		return -1;
	if (s->has_oom_score_adj && oom_score_adj(pid, s, err) < 0)
		return -1;
	return s->rootfs_overlay ? send_rootfs(pid, s, layer_sock, err) : 0;
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
