/*
 * Inside the new namespaces, between clone and execve: mounts, pivot_root, masked and read-only
 * paths, hostname, sysctls, rlimits, user, capabilities, no_new_privs, working directory, exec.
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static int mkdir_p(const char *path, mode_t mode)
{
	char buf[4096];
	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf))
		return -1;
	for (char *p = buf + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, mode) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	}
	return mkdir(buf, mode) < 0 && errno != EEXIST ? -1 : 0;
}

/* Creates the mount point: a directory, or an empty file when a file is bind mounted onto it. */
static int make_target(const char *target, const struct shim_mount *m)
{
	struct stat st;
	if ((m->flags & MS_BIND) && m->source && stat(m->source, &st) == 0 && !S_ISDIR(st.st_mode)) {
		char parent[4096];
		snprintf(parent, sizeof(parent), "%s", target);
		char *slash = strrchr(parent, '/');
		if (slash && slash != parent) {
			*slash = '\0';
			if (mkdir_p(parent, 0755) < 0)
				return -1;
		}
		int fd = open(target, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
		if (fd < 0 && errno != EISDIR)
			return -1;
		if (fd >= 0)
			close(fd);
		return 0;
	}
	return mkdir_p(target, 0755);
}

static int do_mount(const char *root, const struct shim_mount *m, struct shim_error *err)
{
	char target[4096];
	snprintf(target, sizeof(target), "%s%s", root, m->destination);
	if (make_target(target, m) < 0)
		return shim_fail(err, "mount", errno, "create mount point %s", m->destination);
	/* a new filesystem is mounted read-only at once (a remount of its superblock is refused in a user namespace) */
	unsigned long flags = m->flags | (m->readonly && !(m->flags & MS_BIND) ? MS_RDONLY : 0);
	if (mount(m->source, target, m->type, flags, m->data) < 0)
		return shim_fail(err, "mount", errno, "mount %s on %s", m->source ? m->source : m->type, m->destination);
	if (m->readonly && (m->flags & MS_BIND)) {
		/* mount_setattr changes only what it names: the flags a user namespace locks (the source's
		 * nosuid, nodev, noexec, atime) stay, and an rbind is read-only all the way down */
		struct mount_attr attr = {.attr_set = MOUNT_ATTR_RDONLY | (m->flags & MS_NOSUID ? MOUNT_ATTR_NOSUID : 0) |
							(m->flags & MS_NODEV ? MOUNT_ATTR_NODEV : 0) |
							(m->flags & MS_NOEXEC ? MOUNT_ATTR_NOEXEC : 0)};
		if (mount_setattr(AT_FDCWD, target, m->flags & MS_REC ? AT_RECURSIVE : 0, &attr, sizeof(attr)) < 0)
			return shim_fail(err, "mount", errno, "make %s read-only", m->destination);
	}
	if (m->propagation && mount(NULL, target, NULL, m->propagation, NULL) < 0)
		return shim_fail(err, "mount", errno, "set propagation of %s", m->destination);
	return 0;
}

/* The default device nodes and links of /dev (created when /dev is a tmpfs the spec mounted). */
static int populate_dev(const char *root, int userns, struct shim_error *err)
{
	static const struct {
		const char *name;
		unsigned major, minor;
	} nodes[] = {{"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7}, {"random", 1, 8}, {"urandom", 1, 9}, {"tty", 5, 0}};
	char path[4096];
	snprintf(path, sizeof(path), "%s/dev", root);
	struct stat st;
	if (stat(path, &st) < 0)
		return 0;
	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
		snprintf(path, sizeof(path), "%s/dev/%s", root, nodes[i].name);
		if (userns) {
			if (shim_userns_bind_device(path, nodes[i].name, err) < 0)
				return -1;
			continue;
		}
		if (mknod(path, S_IFCHR | 0666, makedev(nodes[i].major, nodes[i].minor)) < 0 && errno != EEXIST)
			return shim_fail(err, "devices", errno, "mknod /dev/%s", nodes[i].name);
		chmod(path, 0666);
	}
	static const struct {
		const char *target, *name;
	} links[] = {{"/proc/self/fd", "fd"}, {"/proc/self/fd/0", "stdin"}, {"/proc/self/fd/1", "stdout"},
		     {"/proc/self/fd/2", "stderr"}, {"pts/ptmx", "ptmx"}, {"/proc/kcore", "core"}};
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		snprintf(path, sizeof(path), "%s/dev/%s", root, links[i].name);
		if (symlink(links[i].target, path) < 0 && errno != EEXIST)
			return shim_fail(err, "devices", errno, "symlink /dev/%s", links[i].name);
	}
	return 0;
}

static int pivot(const char *root, struct shim_error *err)
{
	if (chdir(root) < 0)
		return shim_fail(err, "pivot_root", errno, "chdir %s", root);
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		return shim_fail(err, "pivot_root", errno, "pivot_root %s", root);
	if (umount2(".", MNT_DETACH) < 0)
		return shim_fail(err, "pivot_root", errno, "detach the old root");
	if (chdir("/") < 0)
		return shim_fail(err, "pivot_root", errno, "chdir /");
	return 0;
}

static int mask_paths(struct shim_spec *s, struct shim_error *err)
{
	for (size_t i = 0; i < s->nmasked; i++) {
		struct stat st;
		if (stat(s->masked[i], &st) < 0)
			continue;
		int r = S_ISDIR(st.st_mode) ? mount("tmpfs", s->masked[i], "tmpfs", MS_RDONLY, NULL)
					   : mount("/dev/null", s->masked[i], NULL, MS_BIND, NULL);
		if (r < 0)
			return shim_fail(err, "masked paths", errno, "mask %s", s->masked[i]);
	}
	for (size_t i = 0; i < s->nreadonly; i++) {
		if (access(s->readonly_paths[i], F_OK) < 0)
			continue;
		if (mount(s->readonly_paths[i], s->readonly_paths[i], NULL, MS_BIND | MS_REC, NULL) < 0 ||
		    mount(NULL, s->readonly_paths[i], NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, NULL) < 0)
			return shim_fail(err, "readonly paths", errno, "make %s read-only", s->readonly_paths[i]);
	}
	return 0;
}

static int write_file(const char *path, const char *value)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, value, strlen(value));
	int saved = errno;
	close(fd);
	errno = saved;
	return n < 0 ? -1 : 0;
}

static int apply_sysctls(struct shim_spec *s, struct shim_error *err)
{
	for (size_t i = 0; i < s->nsysctls; i++) {
		char *eq = strchr(s->sysctls[i], '=');
		if (!eq)
			return shim_fail(err, "sysctl", EINVAL, "%s is not key=value", s->sysctls[i]);
		char path[512];
		snprintf(path, sizeof(path), "/proc/sys/%.*s", (int)(eq - s->sysctls[i]), s->sysctls[i]);
		for (char *p = path + 10; *p; p++)
			if (*p == '.')
				*p = '/';
		if (write_file(path, eq + 1) < 0)
			return shim_fail(err, "sysctl", errno, "set %.*s", (int)(eq - s->sysctls[i]), s->sysctls[i]);
	}
	return 0;
}

/* Never above the hard limit the shim itself has: root here may lack CAP_SYS_RESOURCE. */
static int apply_rlimits(struct shim_spec *s, struct shim_error *err)
{
	for (size_t i = 0; i < s->nrlimits; i++) {
		struct rlimit cur, want = {s->rlimits[i].soft, s->rlimits[i].hard};
		if (getrlimit(s->rlimits[i].resource, &cur) == 0 && cur.rlim_max != RLIM_INFINITY) {
			if (want.rlim_max == RLIM_INFINITY || want.rlim_max > cur.rlim_max)
				want.rlim_max = cur.rlim_max;
			if (want.rlim_cur == RLIM_INFINITY || want.rlim_cur > want.rlim_max)
				want.rlim_cur = want.rlim_max;
		}
		if (setrlimit(s->rlimits[i].resource, &want) < 0)
			return shim_fail(err, "rlimits", errno, "setrlimit %d", s->rlimits[i].resource);
	}
	return 0;
}

static int apply_user_and_caps(struct shim_spec *s, struct shim_error *err)
{
	/* only what the shim itself holds can be given (privileged asks for every capability; root on
	 * some hosts lacks CAP_SYS_RESOURCE, and capset would fail with EPERM) */
	uint64_t held = 0;
	for (int cap = 0; cap <= 63; cap++)
		if (prctl(PR_CAPBSET_READ, cap, 0, 0, 0) == 1)
			held |= 1ULL << cap;
	uint64_t caps = s->caps & held;
	for (int cap = 0; cap <= 63; cap++) {
		if (!(caps & (1ULL << cap)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
			return shim_fail(err, "capabilities", errno, "drop capability %d from the bounding set", cap);
	}
	if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
		return shim_fail(err, "user", errno, "keep capabilities across setuid");
	gid_t groups[64];
	for (size_t i = 0; i < s->ngids; i++)
		groups[i] = s->gids[i];
	if (setgroups(s->ngids, groups) < 0)
		return shim_fail(err, "user", errno, "setgroups");
	if (setresgid(s->gid, s->gid, s->gid) < 0)
		return shim_fail(err, "user", errno, "setgid %u", s->gid);
	if (setresuid(s->uid, s->uid, s->uid) < 0)
		return shim_fail(err, "user", errno, "setuid %u", s->uid);
	uint64_t set = s->uid == 0 ? caps : 0;
	struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct data[2] = {{(uint32_t)set, (uint32_t)set, (uint32_t)set},
						 {(uint32_t)(set >> 32), (uint32_t)(set >> 32), (uint32_t)(set >> 32)}};
	if (syscall(SYS_capset, &hdr, data) < 0)
		return shim_fail(err, "capabilities", errno, "capset");
	if (s->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return shim_fail(err, "no_new_privs", errno, "prctl");
	return 0;
}

/* User, groups, capabilities, no_new_privs and the seccomp filter. Without no_new_privs the filter
 * needs CAP_SYS_ADMIN, so it goes in before the capabilities are dropped (as runc does); Docker's
 * profile allows what remains: prctl, setgroups, setres[ug]id, capset, execve. */
static int apply_security(struct shim_spec *s, const struct shim_seccomp *seccomp, struct shim_error *err)
{
	int early = seccomp->filter && !s->no_new_privs;
	if (early && shim_seccomp_install(seccomp, err) < 0)
		return -1;
	if (apply_user_and_caps(s, err) < 0)
		return -1;
	if (!early && shim_seccomp_install(seccomp, err) < 0)
		return -1;
	return 0;
}

static const char *env_get(struct shim_spec *s, const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < s->nenv; i++)
		if (strncmp(s->env[i], name, n) == 0 && s->env[i][n] == '=')
			return s->env[i] + n + 1;
	return NULL;
}

/* Like execvpe with the container's PATH; Docker's message when nothing is found. */
int shim_exec_command(struct shim_spec *s, struct shim_error *err)
{
	char *argv[SHIM_MAX_ITEMS + 1];
	char *envp[SHIM_MAX_ITEMS + 1];
	memcpy(argv, s->args, s->nargs * sizeof(char *));
	argv[s->nargs] = NULL;
	memcpy(envp, s->env, s->nenv * sizeof(char *));
	envp[s->nenv] = NULL;
	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, envp);
		return shim_fail(err, "exec", errno, "exec: \"%s\"", argv[0]);
	}
	const char *path = env_get(s, "PATH");
	if (!path)
		path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
	char *copy = strdup(path);
	int last = ENOENT;
	for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
		char full[4096];
		snprintf(full, sizeof(full), "%s/%s", *dir ? dir : ".", argv[0]);
		execve(full, argv, envp);
		if (errno != ENOENT && errno != ENOTDIR)
			last = errno;
	}
	free(copy);
	if (last == ENOENT)
		return shim_fail(err, "exec", ENOENT, "exec: \"%s\": executable file not found in $PATH", argv[0]);
	return shim_fail(err, "exec", last, "exec: \"%s\"", argv[0]);
}

int shim_container_init(struct shim_spec *s, int sync_fd, int exec_fd, struct shim_error *err)
{
	char go;
	struct shim_seccomp seccomp = {s->seccomp_filter, s->seccomp_len};
	if (read(sync_fd, &go, 1) != 1)
		return shim_fail(err, "sync", errno ? errno : EPIPE, "the engine went away before go");
	close(sync_fd);
	/* the monitor ignores SIGPIPE and SIGHUP, and an engine started from a background job inherits SIGINT and
	 * SIGQUIT ignored: ignored signals would survive exec into the container's process, as Docker's never do */
	signal(SIGPIPE, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	if (s->userns && shim_userns_become_root(err) < 0)
		return -1;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return shim_fail(err, "mount", errno, "make / private");
	if (s->userns && s->rootfs_overlay) {
		if (shim_userns_mount_rootfs(s, s->layer_sock, err) < 0)
			return -1;
	} else if (s->rootfs_overlay) {
		if (mount("overlay", s->root, "overlay", 0, s->rootfs_overlay) < 0)
			return shim_fail(err, "rootfs", errno, "mount the overlay rootfs on %s", s->root);
	} else if (mount(s->root, s->root, NULL, MS_BIND | MS_REC, NULL) < 0) {
		return shim_fail(err, "rootfs", errno, "bind %s", s->root);
	}
	for (size_t i = 0; i < s->nmounts; i++) {
		struct shim_mount scratch;
		if (do_mount(s->root, shim_userns_mount(s, &s->mounts[i], &scratch), err) < 0)
			return -1;
		if (strcmp(s->mounts[i].destination, "/dev") == 0 && populate_dev(s->root, s->userns, err) < 0)
			return -1;
	}
	/* sysctls before the read-only paths: /proc/sys is one of them (runc's order too) */
	if (pivot(s->root, err) < 0 || apply_sysctls(s, err) < 0 || mask_paths(s, err) < 0)
		return -1;
	if (s->readonly_root && mount(NULL, "/", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL) < 0)
		return shim_fail(err, "rootfs", errno, "remount / read-only");
	if (s->hostname && sethostname(s->hostname, strlen(s->hostname)) < 0)
		return shim_fail(err, "hostname", errno, "sethostname %s", s->hostname);
	if (s->domainname && setdomainname(s->domainname, strlen(s->domainname)) < 0)
		return shim_fail(err, "hostname", errno, "setdomainname %s", s->domainname);
	if (apply_rlimits(s, err) < 0)
		return -1;
	if (s->has_oom_score_adj && !s->userns) { /* userns: the shim wrote it from outside */
		char v[32];
		snprintf(v, sizeof(v), "%d", s->oom_score_adj);
		if (write_file("/proc/self/oom_score_adj", v) < 0)
			return shim_fail(err, "oom_score_adj", errno, "set oom_score_adj %d", s->oom_score_adj);
	}
	if (mkdir_p(s->cwd, 0755) < 0 || chdir(s->cwd) < 0)
		return shim_fail(err, "cwd", errno, "chdir to %s", s->cwd);
	if (shim_tty_setup(s, err) < 0)
		return -1;
	if (apply_security(s, &seccomp, err) < 0)
		return -1;
	return s->init ? shim_init_run(s, exec_fd, err) : shim_exec_command(s, err);
}

/* Joins the namespaces of the container whose init is host PID {@code target} (the PID namespace applies to
 * children). Its user namespace comes last, while the caller still holds the host's capabilities over every
 * other namespace (one of them, a joined network namespace, may belong to another user namespace); it is
 * skipped when it is the caller's own. */
int shim_join_namespaces(int target, struct shim_error *err)
{
	static const struct {
		const char *name;
		int type;
	} kinds[] = {{"ipc", CLONE_NEWIPC}, {"uts", CLONE_NEWUTS}, {"net", CLONE_NEWNET}, {"pid", CLONE_NEWPID},
		     {"cgroup", CLONE_NEWCGROUP}, {"mnt", CLONE_NEWNS}, {"user", CLONE_NEWUSER}};
	int fds[7];
	for (size_t i = 0; i < 7; i++) {
		char path[64];
		snprintf(path, sizeof(path), "/proc/%d/ns/%s", target, kinds[i].name);
		if ((fds[i] = open(path, O_RDONLY | O_CLOEXEC)) < 0)
			return shim_fail(err, "exec", errno, "open %s (is the container running?)", path);
	}
	struct stat mine, theirs;
	if (stat("/proc/self/ns/user", &mine) < 0 || fstat(fds[6], &theirs) < 0)
		return shim_fail(err, "exec", errno, "compare the user namespaces of %d and the shim", target);
	size_t n = mine.st_ino == theirs.st_ino && mine.st_dev == theirs.st_dev ? 6 : 7;
	for (size_t i = 0; i < n; i++) {
		if (setns(fds[i], kinds[i].type) < 0)
			return shim_fail(err, "exec", errno, "join the %s namespace of %d", kinds[i].name, target);
		close(fds[i]);
	}
	return 0;
}

/* In the joined namespaces: working directory, user, capabilities, exec. Returns only on failure. */
int shim_exec_process(struct shim_spec *s, struct shim_error *err)
{
	if (chdir(s->cwd) < 0)
		return shim_fail(err, "cwd", errno, "chdir to %s", s->cwd);
	struct shim_seccomp seccomp = {s->seccomp_filter, s->seccomp_len};
	if (apply_security(s, &seccomp, err) < 0)
		return -1;
	return shim_exec_command(s, err);
}
