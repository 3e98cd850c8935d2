/*
 * jcompose-shim: the single-threaded part of jcompose's container runtime.
 *
 * The engine (Java) never forks into namespaces. It writes a spec file and starts
 *   jcompose-shim run SPEC
 * with pipes on stdin and stdout, then they talk in lines:
 *
 *   engine                         shim                              container (child)
 *     | --- start (spec file) ------> |                                   |
 *     |                               | clone(NEWNS|NEWPID|NEWUTS|NEWIPC  |
 *     |                               |  |NEWCGROUP[|NEWNET][|NEWUSER]) -> | waits on the sync pipe
 *     |                               | [userns: uid_map, gid_map,        |
 *     |                               |  idmapped layer mounts ---------> | (received after go)]
 *     | <------------ "pid <host pid>" |                                   |
 *     |  (cgroup join, network setup)  |                                   |
 *     | --- "go" ---------------------> | --- go byte ----------------------> | mounts, pivot_root, security,
 *     |                               |                                   | execve (exec pipe closes on success)
 *     | <------------ "started"        | <-- or "stage\terrno\tmessage" ---- |
 *     |   or "error <stage>\t<errno>\t<message>"                           |
 *     |   (stdin/stdout closed: the engine may now go away)               |
 *                                     | monitor: container stdout/stderr -> json-file log,
 *                                     | exit status -> exit file (atomic), then exit
 *
 * With "userns 1" (userns.c, whose header has the detailed diagram) the clone adds CLONE_NEWUSER, so every
 * namespace it makes is owned by the container's user namespace; a netns to join is joined by the shim
 * before clone. Between clone and "pid" the shim writes /proc/PID/uid_map and gid_map (the spec's uid_map/gid_map
 * lines; setgroups stays "allow", as runc when not rootless) and oom_score_adj, and, for an overlay rootfs, sends the child
 * the overlay it made from idmapped clones of the lower layers (fsmount) over a socketpair. After "go" the
 * child becomes the mapped root and attaches it.
 * "exec" joins the container's user namespace last (skipped when it is the host's).
 *
 * stdio (stdio.c, monitor.c): with "tty 1" the child opens a pty of the container's devpts after
 * pivot_root, makes it its controlling terminal and stdio, and sends the master to the monitor over
 * a socketpair before "started"; the monitor logs it as one stream. With "stdin_fifo" (OpenStdin)
 * the engine writes the container's stdin into that FIFO; "ctl_fifo" takes "w ROWS COLS" (resize)
 * and "e" (close stdin, StdinOnce). The monitor holds both FIFOs open, so they outlive the engine.
 *
 * "security" ends with the seccomp filter the engine compiled (spec key seccomp, a file of struct
 * sock_filter read while the spec is parsed): installed last, after no_new_privs and the
 * capabilities, or just before the capabilities are dropped when no_new_privs is off (the kernel
 * then wants CAP_SYS_ADMIN). With "init 1" the container's PID 1 is the shim itself (init.c): it
 * forks the command, forwards signals to it, reaps orphans and exits with the command's status.
 * The monitor rotates the json-file log at log_max_size, keeping log_max_files files (logfile.c).
 *
 * "jcompose-shim exec PID SPEC" runs a process (spec keys arg/env/cwd/uid/gid/caps) in the
 * namespaces of the running container whose init is host PID PID, with the caller's stdio; its
 * exit status is the process's (128+n for signal n; 125 with "error ..." on stderr when it could not
 * be started).
 *
 * "jcompose-shim exec-tty PID SPEC WINSIZE" does the same under a pty of the container's devpts,
 * relaying the caller's stdin/stdout to it; SIGWINCH makes it apply WINSIZE ("rows cols"), see tty.c.
 *
 * Errors follow crun's style: functions return 0 or -1 and fill a struct shim_error.
 */
#ifndef JCOMPOSE_SHIM_H
#define JCOMPOSE_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define SHIM_MAX_ITEMS 256

struct shim_error {
	char stage[64];
	int errnum;
	char message[512];
};

struct shim_mount {
	char *type;
	char *source;
	char *destination;
	unsigned long flags;
	unsigned long propagation;
	int readonly;
	char *data;
};

#define SHIM_MAX_IDMAPS 8

struct shim_idmap {
	unsigned inside, outside, count;
};

struct shim_rlimit {
	int resource;
	uint64_t soft;
	uint64_t hard;
};

struct shim_spec {
	char *root;           /* the rootfs directory (mount point of the overlay when rootfs_overlay is set) */
	char *rootfs_overlay; /* overlay mount data, or NULL for a plain directory */
	int readonly_root;
	char *hostname;
	char *domainname;
	char *args[SHIM_MAX_ITEMS];
	size_t nargs;
	char *env[SHIM_MAX_ITEMS];
	size_t nenv;
	char *cwd;
	unsigned uid;
	unsigned gid;
	unsigned gids[64];
	size_t ngids;
	uint64_t caps;
	int no_new_privs;
	struct shim_mount mounts[SHIM_MAX_ITEMS];
	size_t nmounts;
	struct shim_rlimit rlimits[32];
	size_t nrlimits;
	char *masked[SHIM_MAX_ITEMS];
	size_t nmasked;
	char *readonly_paths[SHIM_MAX_ITEMS];
	size_t nreadonly;
	char *sysctls[SHIM_MAX_ITEMS];
	size_t nsysctls;
	char *netns;          /* join this netns path; NULL with new_netns=0 means the host's */
	int new_netns;
	char *log_path;
	char *exit_path;
	int oom_score_adj;
	int has_oom_score_adj;
	/* security and monitor features (spec_extra.c, seccomp.c, init.c, logfile.c) */
	char *seccomp_path;   /* a file of struct sock_filter, installed last before exec; NULL: unconfined */
	void *seccomp_filter; /* its instructions, read while parsing (before any setns or pivot_root) */
	unsigned short seccomp_len;
	int init;             /* the shim stays PID 1: reaps zombies, forwards signals, exits with the child's code */
	uint64_t log_max_size; /* json-file rotation: 0 = never */
	int log_max_files;    /* files kept, the live one included (Docker's max-file, default 1) */
	/* stdio (stdio.c, monitor.c): a pty for PID 1, an open stdin, the control FIFO */
	int tty;              /* PID 1 gets a pty of the container's devpts; the monitor holds the master */
	unsigned short tty_rows, tty_cols; /* its first size (0: the kernel's default) */
	char *stdin_fifo;     /* OpenStdin: what the engine writes here goes to the container's stdin */
	char *ctl_fifo;       /* control lines from the engine: "w ROWS COLS" (resize), "e" (close stdin) */
	int console_sock;     /* run time, not a key: the child sends the pty master over it (tty) */
	/* user namespace (userns.c): keys userns 0|1, uid_map and gid_map "inside outside count" (repeated) */
	int userns;
	struct shim_idmap uid_map[SHIM_MAX_IDMAPS], gid_map[SHIM_MAX_IDMAPS];
	size_t nuid_map, ngid_map;
	int layer_sock;       /* run time, not a key: the child receives the idmapped layer mounts on it */
};

/* userns.c: see the diagram there */
int shim_userns_parse(struct shim_spec *s, const char *key, char *value, struct shim_error *err);
int shim_userns_prepare(pid_t pid, const struct shim_spec *s, int layer_sock, struct shim_error *err);
int shim_userns_become_root(struct shim_error *err);
int shim_userns_mount_rootfs(const struct shim_spec *s, int sock, struct shim_error *err);
int shim_userns_bind_device(const char *path, const char *name, struct shim_error *err);
const struct shim_mount *shim_userns_mount(const struct shim_spec *s, const struct shim_mount *m, struct shim_mount *scratch);

/* spec_extra.c: the security and monitor keys; returns 1 when it handled the key, 0 when not, -1 on error */
int shim_spec_parse_extra(struct shim_spec *spec, const char *key, char *value, struct shim_error *err);

/* seccomp.c: read the filter (while the spec is parsed, see spec_extra.c), install it (container.c: apply_security) */
struct shim_seccomp {
	void *filter;
	unsigned short len;
};
int shim_seccomp_load(const char *path, struct shim_seccomp *out, struct shim_error *err);
int shim_seccomp_install(const struct shim_seccomp *filter, struct shim_error *err);

/* init.c: PID 1 for init mode: forks the command, forwards signals, reaps, exits with the command's status */
int shim_init_run(struct shim_spec *spec, int exec_fd, struct shim_error *err);

/* container.c: execs the spec's command (PATH search); returns only on failure */
int shim_exec_command(struct shim_spec *spec, struct shim_error *err);

/* logfile.c: Docker's json-file log with rotation (max-size, max-file) */
struct shim_logfile {
	int fd;
	const char *path;
	uint64_t size;
	uint64_t max_size;
	int max_files;
};
int shim_logfile_open(struct shim_logfile *log, const char *path, uint64_t max_size, int max_files);
void shim_logfile_write(struct shim_logfile *log, const char *buf, size_t len);

/* stdio.c: the container's stdio. Before clone the monitor makes the pipes (or, with a tty, a
 * socketpair the child sends the pty master back on) and the FIFOs; the child takes its ends. */
struct shim_stdio {
	int out[2], err[2], in[2]; /* pipes; -1 when unused */
	int sock[2];               /* tty: [0] the monitor's end, [1] the child's */
	int stdin_fifo, ctl_fifo;  /* opened O_RDWR|O_NONBLOCK by the monitor; -1 when absent */
	int master;                /* tty: the pty master, once received */
};
int shim_stdio_prepare(struct shim_spec *spec, struct shim_stdio *io, struct shim_error *err);
void shim_stdio_child(struct shim_spec *spec, struct shim_stdio *io);   /* in the child, right after clone */
void shim_stdio_parent(struct shim_stdio *io);                         /* in the monitor, right after clone */
int shim_stdio_receive_master(struct shim_stdio *io);                  /* tty, after "go": 0, or -1 at EOF */
int shim_tty_setup(struct shim_spec *spec, struct shim_error *err);    /* in the child, after pivot_root */
int shim_send_fd(int sock, int fd);                                    /* SCM_RIGHTS: 0, or -1 with errno */
int shim_recv_fd(int sock);                                            /* the fd, or -1 with errno */

/* monitor.c: copies the container's output into the json-file log, the engine's FIFOs into its
 * stdin, until the output ends */
void shim_monitor_run(struct shim_spec *spec, struct shim_stdio *io, struct shim_logfile *log);
void shim_timestamp(char *out, size_t size); /* RFC 3339 with nanoseconds, UTC */

/* spec.c */
int shim_spec_read(const char *path, struct shim_spec *spec, struct shim_error *err);
int shim_spec_read_process(const char *path, struct shim_spec *spec, struct shim_error *err);

/* container.c: runs in the cloned child; returns only on failure */
int shim_container_init(struct shim_spec *spec, int sync_fd, int exec_fd, struct shim_error *err);

/* container.c: joining a running container (exec) */
int shim_join_namespaces(int target_pid, struct shim_error *err);
int shim_exec_process(struct shim_spec *spec, struct shim_error *err);

/* tty.c: "exec-tty PID SPEC WINSIZE", exec under a pty from the container's devpts */
int shim_exec_tty(const char *pid_text, const char *spec_path, const char *winsize_path);

/* util */
int shim_fail(struct shim_error *err, const char *stage, int errnum, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
