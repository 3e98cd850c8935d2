/*
 * "jcompose-shim exec-tty PID SPEC WINSIZE": exec under a pseudo-terminal (docker exec -t).
 *
 *   engine (pipes)            shim (this file, in the container's namespaces)      process
 *   stdin  ---------------->  relay --> pty master ====== pty slave (ctty) ----->  fd 0,1,2
 *   stdout <----------------  relay <-- pty master                                 (setsid)
 *   SIGWINCH  ------------->  reads WINSIZE ("rows cols"), TIOCSWINSZ on the master
 *                             (the kernel sends SIGWINCH to the foreground group)
 *
 * The pty comes from the container's own devpts (/dev/ptmx after joining its mount namespace),
 * so the process sees /dev/pts/N as it would under runc. The shim exits with the process's status
 * (128+n for signal n; 125 with "error ..." on stderr when it could not be started), after the
 * output the process left in the pty has been relayed.
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int write_full(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN) {
				struct pollfd p = {fd, POLLOUT, 0};
				poll(&p, 1, 1000);
				continue;
			}
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * The size file, opened relative to its directory, which is opened before joining the container's
 * mount namespace (the host path is not visible from inside it); the engine replaces the file by rename.
 */
struct winsize_file {
	int dirfd;
	const char *name;
};

static int winsize_open_dir(const char *path, struct winsize_file *wf)
{
	static char dir[4096];
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash) {
		wf->dirfd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
		wf->name = path;
	} else {
		*slash = '\0';
		wf->dirfd = open(slash == dir ? "/" : dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
		wf->name = slash + 1;
	}
	return wf->dirfd;
}

/* Reads "rows cols" and applies it to the pty; a missing or malformed file is ignored. */
static void apply_winsize(int master, const struct winsize_file *wf)
{
	int fd = openat(wf->dirfd, wf->name, O_RDONLY | O_CLOEXEC);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "re");
	if (!f) {
		if (fd >= 0)
			close(fd);
		return;
	}
	unsigned rows = 0, cols = 0;
	if (fscanf(f, "%u %u", &rows, &cols) == 2 && rows > 0 && cols > 0) {
		struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
		ioctl(master, TIOCSWINSZ, &ws);
	}
	fclose(f);
}

/* Opens a new pty in the current mount namespace's devpts; fills the slave's path. */
static int open_pty(char *slave, size_t size, struct shim_error *err)
{
	int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0)
		return shim_fail(err, "tty", errno, "open /dev/ptmx in the container");
	int unlock = 0, n = 0;
	if (ioctl(master, TIOCSPTLCK, &unlock) < 0 || ioctl(master, TIOCGPTN, &n) < 0) {
		int e = errno;
		close(master);
		return shim_fail(err, "tty", e, "unlock the pty");
	}
	snprintf(slave, size, "/dev/pts/%d", n);
	return master;
}

/* In the child: the slave becomes the controlling terminal and stdio; then the process. */
static void become_tty_process(struct shim_spec *spec, const char *slave_path, int master)
{
	struct shim_error err = {0};
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	close(master);
	setsid();
	int slave = open(slave_path, O_RDWR);
	if (slave < 0 || ioctl(slave, TIOCSCTTY, 0) < 0) {
		fprintf(stderr, "error tty\t%d\topen %s as the controlling terminal\n", errno, slave_path);
		_exit(125);
	}
	if (fchown(slave, spec->uid, (gid_t)-1) < 0) {
		/* the process may still use it: devpts gave it mode 0620 */
	}
	dup2(slave, 0);
	dup2(slave, 1);
	dup2(slave, 2);
	if (slave > 2)
		close(slave);
	shim_exec_process(spec, &err);
	fprintf(stderr, "error %s\t%d\t%s\r\n", err.stage, err.errnum, err.message);
	_exit(err.errnum == ENOENT && strcmp(err.stage, "exec") == 0 ? 127 : 126);
}

/* Relays pty output to stdout until the pty has nothing more (the process and its children are gone). */
static void drain(int master)
{
	char buf[16384];
	int flags = fcntl(master, F_GETFL);
	fcntl(master, F_SETFL, flags | O_NONBLOCK);
	for (;;) {
		ssize_t n = read(master, buf, sizeof(buf));
		if (n <= 0)
			return;
		if (write_full(1, buf, (size_t)n) < 0)
			return;
	}
}

int shim_exec_tty(const char *pid_text, const char *spec_path, const char *winsize_path)
{
	struct shim_spec spec;
	struct shim_error err = {0};
	char slave[64];
	struct winsize_file wf;
	if (winsize_open_dir(winsize_path, &wf) < 0) {
		fprintf(stderr, "error tty\t%d\topen the directory of %s\n", errno, winsize_path);
		return 125;
	}
	if (shim_spec_read_process(spec_path, &spec, &err) < 0 || shim_join_namespaces(atoi(pid_text), &err) < 0) {
		fprintf(stderr, "error %s\t%d\t%s\n", err.stage, err.errnum, err.message);
		return 125;
	}
	int master = open_pty(slave, sizeof(slave), &err);
	if (master < 0) {
		fprintf(stderr, "error %s\t%d\t%s\n", err.stage, err.errnum, err.message);
		return 125;
	}
	apply_winsize(master, &wf);
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGWINCH);
	sigaddset(&mask, SIGCHLD);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	signal(SIGPIPE, SIG_IGN);
	int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	pid_t child = fork();
	if (child < 0) {
		fprintf(stderr, "error tty\t%d\tfork\n", errno);
		return 125;
	}
	if (child == 0) {
		close(wf.dirfd);
		become_tty_process(&spec, slave, master);
	}
	char buf[16384];
	int stdin_open = 1, status = 0;
	for (;;) {
		struct pollfd fds[3] = {{sfd, POLLIN, 0}, {master, POLLIN, 0}, {stdin_open ? 0 : -1, POLLIN, 0}};
		if (poll(fds, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (fds[1].revents & POLLIN) {
			ssize_t n = read(master, buf, sizeof(buf));
			if (n > 0)
				write_full(1, buf, (size_t)n);
		}
		if (fds[2].revents & (POLLIN | POLLHUP | POLLERR)) {
			ssize_t n = read(0, buf, sizeof(buf));
			if (n > 0)
				write_full(master, buf, (size_t)n);
			else if (n == 0 || errno != EINTR)
				stdin_open = 0; /* the client closed its stdin: the process keeps its terminal */
		}
		if (fds[0].revents & POLLIN) {
			struct signalfd_siginfo si;
			if (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
				if (si.ssi_signo == SIGWINCH)
					apply_winsize(master, &wf);
				else if (waitpid(child, &status, WNOHANG) == child)
					break;
			}
		}
	}
	drain(master);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
