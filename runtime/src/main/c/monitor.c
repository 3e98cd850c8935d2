/*
 * The monitor's loop (conmon's job), after the container started:
 *
 *   container stdout/stderr pipes, or the pty master ──> json-file records ──> log file
 *   stdin FIFO (engine) ──> buffer ──> container stdin pipe, or the pty master
 *   ctl FIFO (engine): "w ROWS COLS" → TIOCSWINSZ on the master; "e" → close the container's
 *                      stdin once what was written before it has been passed on
 *
 * Without a tty a record is one line (or a full chunk), as Docker's json-file. With a tty all
 * output is one stream ("stdout"); a line stays one record, and what is left after the last
 * newline of a read (a shell's prompt) is written at once, so an attached client sees it.
 * The container's stdin is written without blocking: a process that does not read its input
 * never stops the monitor from logging its output; the engine's writes wait in the FIFO instead.
 * The loop ends when the output ends (the container and everything holding its stdio are gone).
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define LOG_CHUNK 16384

void shim_timestamp(char *out, size_t size)
{
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	size_t n = strftime(out, size, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + n, size - n, ".%09ldZ", ts.tv_nsec);
}

/* One json-file record: {"log":"...","stream":"stdout","time":"..."} */
static void log_record(struct shim_logfile *log, const char *stream, const char *data, size_t len)
{
	static char buf[LOG_CHUNK * 6 + 256];
	char ts[64];
	size_t w = 0;
	w += (size_t)snprintf(buf, sizeof(buf), "{\"log\":\"");
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == '"' || c == '\\') {
			buf[w++] = '\\';
			buf[w++] = (char)c;
		} else if (c == '\n') {
			buf[w++] = '\\';
			buf[w++] = 'n';
		} else if (c == '\r') {
			buf[w++] = '\\';
			buf[w++] = 'r';
		} else if (c == '\t') {
			buf[w++] = '\\';
			buf[w++] = 't';
		} else if (c < 0x20) {
			w += (size_t)snprintf(buf + w, sizeof(buf) - w, "\\u%04x", c);
		} else {
			buf[w++] = (char)c;
		}
	}
	shim_timestamp(ts, sizeof(ts));
	w += (size_t)snprintf(buf + w, sizeof(buf) - w, "\",\"stream\":\"%s\",\"time\":\"%s\"}\n", stream, ts);
	shim_logfile_write(log, buf, w);
}

struct stream {
	int fd;
	const char *name;
	int flush_partial; /* tty: a partial line goes out at once */
	char pending[LOG_CHUNK];
	size_t used;
};

/* Reads what is there; writes one record per complete line (or per full chunk). Returns 0 at the end. */
static int pump(struct stream *s, struct shim_logfile *log)
{
	ssize_t n = read(s->fd, s->pending + s->used, sizeof(s->pending) - s->used);
	if (n < 0)
		n = errno == EINTR || errno == EAGAIN ? -1 : 0; /* a pty master reads EIO once the slave is gone */
	if (n < 0)
		return 1;
	if (n == 0) {
		if (s->used > 0)
			log_record(log, s->name, s->pending, s->used);
		s->used = 0;
		return 0;
	}
	s->used += (size_t)n;
	size_t start = 0;
	for (size_t i = 0; i < s->used; i++) {
		if (s->pending[i] == '\n') {
			log_record(log, s->name, s->pending + start, i + 1 - start);
			start = i + 1;
		}
	}
	if (start < s->used && (s->flush_partial || (start == 0 && s->used == sizeof(s->pending)))) {
		log_record(log, s->name, s->pending + start, s->used - start);
		start = s->used;
	}
	memmove(s->pending, s->pending + start, s->used - start);
	s->used -= start;
	return 1;
}

struct input {
	int fifo;       /* the engine's stdin FIFO, or -1 */
	int to;         /* the container's stdin (pipe or pty master), or -1 */
	int tty;
	int close_asked;
	char buf[LOG_CHUNK];
	size_t len, off;
};

static void input_close(struct input *in)
{
	if (in->to >= 0 && !in->tty)
		close(in->to);
	in->to = -1; /* a pty keeps its terminal: the master is the output too */
	in->len = in->off = 0;
}

static void input_fill(struct input *in);

/* Passes on what is buffered; returns when the container's stdin would block. */
static void input_flush(struct input *in)
{
	while (in->to >= 0 && in->off < in->len) {
		ssize_t n = write(in->to, in->buf + in->off, in->len - in->off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN)
				input_close(in); /* the process closed its stdin: drop the rest */
			return;
		}
		in->off += (size_t)n;
	}
	if (in->to >= 0 && in->off == in->len) {
		in->len = in->off = 0;
		if (in->close_asked)
			input_fill(in);
	}
}

/* Reads from the FIFO (when the buffer is empty); after "e", closes once the FIFO is empty too. */
static void input_fill(struct input *in)
{
	if (in->to < 0 || in->fifo < 0 || in->len > 0)
		return;
	ssize_t n = read(in->fifo, in->buf, sizeof(in->buf));
	if (n > 0) {
		in->len = (size_t)n;
		in->off = 0;
		input_flush(in);
	} else if (in->close_asked && n < 0 && errno == EAGAIN) {
		input_close(in);
	}
}

static void control(int ctl, struct input *in, int master)
{
	static char line[256];
	static size_t used;
	ssize_t n = read(ctl, line + used, sizeof(line) - 1 - used);
	if (n <= 0)
		return;
	used += (size_t)n;
	char *nl;
	while ((nl = memchr(line, '\n', used)) != NULL) {
		*nl = '\0';
		unsigned rows = 0, cols = 0;
		if (line[0] == 'w' && sscanf(line + 1, "%u %u", &rows, &cols) == 2 && master >= 0 && rows > 0 && cols > 0) {
			struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
			ioctl(master, TIOCSWINSZ, &ws);
		} else if (line[0] == 'e') {
			in->close_asked = 1;
			input_fill(in);
		}
		size_t consumed = (size_t)(nl + 1 - line);
		memmove(line, nl + 1, used - consumed);
		used -= consumed;
	}
	if (used == sizeof(line) - 1)
		used = 0; /* not a control line: forget it */
}

void shim_monitor_run(struct shim_spec *spec, struct shim_stdio *io, struct shim_logfile *log)
{
	static struct stream streams[2];
	streams[0] = (struct stream){spec->tty ? io->master : io->out[0], "stdout", spec->tty, {0}, 0};
	streams[1] = (struct stream){spec->tty ? -1 : io->err[0], "stderr", 0, {0}, 0};
	static struct input in;
	in = (struct input){io->stdin_fifo, spec->tty ? (io->stdin_fifo >= 0 ? io->master : -1) : io->in[1], spec->tty, 0, {0}, 0, 0};
	int master = spec->tty ? io->master : -1;
	while (streams[0].fd >= 0 || streams[1].fd >= 0) {
		struct pollfd fds[5];
		int nfds = 0;
		for (int i = 0; i < 2; i++)
			fds[nfds++] = (struct pollfd){streams[i].fd, POLLIN, 0};
		fds[nfds++] = (struct pollfd){io->ctl_fifo, POLLIN, 0};
		fds[nfds++] = (struct pollfd){in.to >= 0 && in.len > 0 ? in.to : -1, POLLOUT, 0};
		fds[nfds++] = (struct pollfd){in.to >= 0 && in.len == 0 ? in.fifo : -1, POLLIN, 0};
		if (poll(fds, (nfds_t)nfds, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (streams[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) && !pump(&streams[i], log)) {
				if (streams[i].fd == master) {
					in.to = -1;
					master = -1;
				}
				close(streams[i].fd);
				streams[i].fd = -1;
			}
		}
		if (fds[2].revents & POLLIN)
			control(io->ctl_fifo, &in, master);
		if (fds[3].revents & (POLLOUT | POLLERR | POLLHUP))
			input_flush(&in);
		if (fds[4].revents & POLLIN)
			input_fill(&in);
	}
	if (in.to >= 0 && !in.tty)
		close(in.to);
}
