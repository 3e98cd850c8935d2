/*
 * The container's stdio, set up around clone (conmon's and runc's console-socket roles):
 *
 *   without tty:  container fd 1 --pipe--> monitor (stream "stdout")
 *                 container fd 2 --pipe--> monitor (stream "stderr")
 *                 container fd 0 <--pipe-- monitor <-- stdin FIFO (OpenStdin), else /dev/null
 *   with tty:     the child, after pivot_root, opens /dev/ptmx of the container's own devpts,
 *                 makes the slave its controlling terminal and fds 0, 1, 2, and sends the master
 *                 over a socketpair (SCM_RIGHTS); the monitor reads the master as one stream
 *                 ("stdout", CRLF as the pty writes it) and writes stdin into it.
 *
 * The FIFOs live in the container's directory; the monitor creates them and holds them open
 * O_RDWR, so an engine writer never sees "no reader" while the monitor lives, and ENXIO
 * (opened O_NONBLOCK) once it is gone. Control lines: "w ROWS COLS" sizes the pty, "e" closes
 * the container's stdin after what was written before it (StdinOnce).
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

static int make_fifo(const char *path, struct shim_error *err)
{
	if (unlink(path) < 0 && errno != ENOENT)
		return shim_fail(err, "stdio", errno, "remove the old %s", path);
	if (mkfifo(path, 0600) < 0)
		return shim_fail(err, "stdio", errno, "mkfifo %s", path);
	int fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return shim_fail(err, "stdio", errno, "open %s", path);
	return fd;
}

int shim_stdio_prepare(struct shim_spec *s, struct shim_stdio *io, struct shim_error *err)
{
	io->out[0] = io->out[1] = io->err[0] = io->err[1] = io->in[0] = io->in[1] = -1;
	io->sock[0] = io->sock[1] = -1;
	io->stdin_fifo = io->ctl_fifo = io->master = -1;
	s->console_sock = -1;
	if (s->tty) {
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, io->sock) < 0)
			return shim_fail(err, "tty", errno, "create the console socket");
		s->console_sock = io->sock[1];
	} else if (pipe2(io->out, O_CLOEXEC) < 0 || pipe2(io->err, O_CLOEXEC) < 0) {
		return shim_fail(err, "pipes", errno, "create the output pipes");
	}
	if (s->stdin_fifo) {
		if ((io->stdin_fifo = make_fifo(s->stdin_fifo, err)) < 0)
			return -1;
		if (!s->tty && pipe2(io->in, O_CLOEXEC) < 0)
			return shim_fail(err, "pipes", errno, "create the stdin pipe");
	}
	if (s->ctl_fifo && (io->ctl_fifo = make_fifo(s->ctl_fifo, err)) < 0)
		return -1;
	return 0;
}

void shim_stdio_child(struct shim_spec *s, struct shim_stdio *io)
{
	int devnull = open("/dev/null", O_RDWR);
	dup2(io->in[0] >= 0 ? io->in[0] : devnull, 0);
	dup2(s->tty ? devnull : io->out[1], 1);
	dup2(s->tty ? devnull : io->err[1], 2);
	if (devnull > 2)
		close(devnull);
	/* the monitor's ends: close-on-exec, but with init the shim stays PID 1 without exec, and a
	 * stdin write end kept here would keep the command from ever reading EOF */
	int monitor_ends[] = {io->out[0], io->err[0], io->in[1], io->in[0], io->out[1], io->err[1]};
	for (size_t i = 0; i < sizeof(monitor_ends) / sizeof(monitor_ends[0]); i++)
		if (monitor_ends[i] > 2)
			close(monitor_ends[i]);
	if (io->sock[0] >= 0)
		close(io->sock[0]);
	if (io->stdin_fifo >= 0)
		close(io->stdin_fifo);
	if (io->ctl_fifo >= 0)
		close(io->ctl_fifo);
}

void shim_stdio_parent(struct shim_stdio *io)
{
	if (io->out[1] >= 0)
		close(io->out[1]);
	if (io->err[1] >= 0)
		close(io->err[1]);
	if (io->in[0] >= 0)
		close(io->in[0]);
	if (io->sock[1] >= 0)
		close(io->sock[1]);
	io->out[1] = io->err[1] = io->in[0] = io->sock[1] = -1;
	if (io->in[1] >= 0)
		fcntl(io->in[1], F_SETFL, fcntl(io->in[1], F_GETFL) | O_NONBLOCK);
}

/* One fd over a unix socket (SCM_RIGHTS): 0, or -1 with errno. */
int shim_send_fd(int sock, int fd)
{
	char byte = 'm';
	char control[CMSG_SPACE(sizeof(int))];
	memset(control, 0, sizeof(control));
	struct iovec iov = {&byte, 1};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control)};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	return sendmsg(sock, &msg, 0) < 0 ? -1 : 0;
}

/* The fd sent by shim_send_fd (close-on-exec), or -1 (errno EPIPE at EOF, EPROTO when no fd came). */
int shim_recv_fd(int sock)
{
	char byte;
	char control[CMSG_SPACE(sizeof(int))];
	struct iovec iov = {&byte, 1};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control)};
	ssize_t n;
	while ((n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
		;
	if (n <= 0) {
		errno = n == 0 ? EPIPE : errno;
		return -1;
	}
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	if (!c || c->cmsg_type != SCM_RIGHTS || c->cmsg_len != CMSG_LEN(sizeof(int))) {
		errno = EPROTO;
		return -1;
	}
	int fd;
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

int shim_stdio_receive_master(struct shim_stdio *io)
{
	io->master = shim_recv_fd(io->sock[0]);
	close(io->sock[0]);
	io->sock[0] = -1;
	if (io->master < 0)
		return -1;
	fcntl(io->master, F_SETFL, fcntl(io->master, F_GETFL) | O_NONBLOCK);
	return 0;
}

/* In the child after pivot_root, before the user changes: the pty becomes the process's terminal. */
int shim_tty_setup(struct shim_spec *s, struct shim_error *err)
{
	if (!s->tty)
		return 0;
	int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0)
		return shim_fail(err, "tty", errno, "open /dev/ptmx in the container");
	int unlock = 0, n = 0;
	if (ioctl(master, TIOCSPTLCK, &unlock) < 0 || ioctl(master, TIOCGPTN, &n) < 0)
		return shim_fail(err, "tty", errno, "unlock the pty");
	char slave_path[64];
	snprintf(slave_path, sizeof(slave_path), "/dev/pts/%d", n);
	if (setsid() < 0)
		return shim_fail(err, "tty", errno, "setsid");
	int slave = open(slave_path, O_RDWR);
	if (slave < 0)
		return shim_fail(err, "tty", errno, "open %s", slave_path);
	if (ioctl(slave, TIOCSCTTY, 0) < 0)
		return shim_fail(err, "tty", errno, "make %s the controlling terminal", slave_path);
	if (s->tty_rows > 0 && s->tty_cols > 0) {
		struct winsize ws = {.ws_row = s->tty_rows, .ws_col = s->tty_cols};
		ioctl(master, TIOCSWINSZ, &ws);
	}
	if (fchown(slave, s->uid, (gid_t)-1) < 0) {
		/* devpts gave it mode 0620 and group tty: the process may still use it */
	}
	if (shim_send_fd(s->console_sock, master) < 0)
		return shim_fail(err, "tty", errno, "send the pty master to the monitor");
	close(master);
	close(s->console_sock);
	if (dup2(slave, 0) < 0 || dup2(slave, 1) < 0 || dup2(slave, 2) < 0)
		return shim_fail(err, "tty", errno, "make %s stdio", slave_path);
	if (slave > 2)
		close(slave);
	return 0;
}
