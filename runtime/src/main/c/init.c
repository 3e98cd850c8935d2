/*
 * init: true (docker run --init): the container's PID 1 is the shim itself, not the command. It
 * forks the command, forwards every signal it receives to it (SIGTERM from a stop reaches the
 * command, which would ignore it as PID 1), reaps every process that the kernel reparents to it, and
 * exits with the command's status (128+n when the command died of signal n), as tini does.
 *
 * Signals are blocked and taken with sigwaitinfo: a blocked signal is queued even for a PID 1
 * without handlers, so nothing sent between fork and the wait is lost.
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static void report_exec_failure(int exec_fd, const struct shim_error *err)
{
	char frame[700];
	int len = snprintf(frame, sizeof(frame), "%s\t%d\t%s", err->stage, err->errnum, err->message);
	if (len > 0 && write(exec_fd, frame, (size_t)len) < 0)
		_exit(126);
}

/*
 * The container sees PID 1's command line and environment: replace the shim's ("jcompose-shim run
 * <host path of the spec>", the engine's environment) with "jcompose-init" and nothing, writing over
 * the argument and environment areas /proc/self/stat locates.
 */
static void rename_self(void)
{
	char buf[2048];
	int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	char *p = strrchr(buf, ')');
	unsigned long area[4] = {0, 0, 0, 0}; /* arg_start, arg_end, env_start, env_end */
	/* after "pid (comm)" come fields 3 …; these four are fields 48 to 51 */
	for (int field = 2; p && field < 51; field++) {
		p = strchr(p + 1, ' ');
		if (p && field >= 47)
			area[field - 47] = strtoul(p + 1, NULL, 10);
	}
	unsigned long arg_start = area[0], arg_end = area[1];
	if (area[2] && area[3] > area[2])
		memset((void *)area[2], 0, area[3] - area[2]);
	static const char name[] = "jcompose-init";
	if (arg_start && arg_end > arg_start + sizeof(name)) {
		memset((void *)arg_start, 0, arg_end - arg_start);
		memcpy((void *)arg_start, name, sizeof(name) - 1);
	}
	prctl(PR_SET_NAME, name, 0, 0, 0);
}

static int status_code(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int shim_init_run(struct shim_spec *s, int exec_fd, struct shim_error *err)
{
	sigset_t all, old;
	sigfillset(&all);
	if (sigprocmask(SIG_BLOCK, &all, &old) < 0)
		return shim_fail(err, "init", errno, "block signals");
	pid_t child = fork();
	if (child < 0)
		return shim_fail(err, "init", errno, "fork the command");
	if (child == 0) {
		/* with a tty the command is the terminal's foreground group (as tini does): ^C reaches it once */
		if (s->tty && setpgid(0, 0) == 0)
			tcsetpgrp(0, getpid());
		sigprocmask(SIG_SETMASK, &old, NULL);
		shim_exec_command(s, err);
		report_exec_failure(exec_fd, err);
		_exit(127);
	}
	/* the command's copy of the exec pipe tells the monitor whether exec worked */
	close(exec_fd);
	rename_self();
	for (;;) {
		siginfo_t info;
		int sig = sigwaitinfo(&all, &info);
		if (sig < 0)
			continue;
		if (sig != SIGCHLD) {
			kill(child, sig);
			continue;
		}
		int status;
		pid_t pid;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			if (pid == child)
				_exit(status_code(status));
		}
	}
}
