/*
 * jcompose-shim entry point: "run SPEC" creates a container and stays as its monitor;
 * "netconf ..." is the networking helper (netconf.c, when built in). Protocol: see shim.h.
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern int netconf_main(int argc, char **argv) __attribute__((weak));
int net_main(int argc, char **argv);

int shim_fail(struct shim_error *err, const char *stage, int errnum, const char *fmt, ...)
{
	va_list ap;
	snprintf(err->stage, sizeof(err->stage), "%s", stage);
	err->errnum = errnum;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -1;
}

static void write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		buf += n;
		len -= (size_t)n;
	}
}

static void write_exit(const char *path, int status)
{
	char tmp[4096], ts[64], body[256];
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	shim_timestamp(ts, sizeof(ts));
	int len = snprintf(body, sizeof(body), "{\"exitCode\":%d,\"signal\":%d,\"finishedAt\":\"%s\"}\n", code, sig, ts);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	write_all(fd, body, (size_t)len);
	fsync(fd);
	close(fd);
	rename(tmp, path);
}

static int report(struct shim_error *err)
{
	printf("error %s\t%d\t%s\n", err->stage, err->errnum, err->message);
	fflush(stdout);
	return 1;
}

static int run(const char *spec_path)
{
	struct shim_spec spec;
	struct shim_error err = {0};
	if (shim_spec_read(spec_path, &spec, &err) < 0)
		return report(&err);
	setsid();
	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	int sync_pipe[2], exec_pipe[2];
	struct shim_stdio io;
	if (pipe2(sync_pipe, O_CLOEXEC) < 0 || pipe2(exec_pipe, O_CLOEXEC) < 0) {
		shim_fail(&err, "pipes", errno, "create pipes");
		return report(&err);
	}
	if (shim_stdio_prepare(&spec, &io, &err) < 0)
		return report(&err);
	struct shim_logfile log;
	if (shim_logfile_open(&log, spec.log_path, spec.log_max_size, spec.log_max_files) < 0) {
		shim_fail(&err, "log", errno, "open %s", spec.log_path);
		return report(&err);
	}
	int netns_fd = -1;
	if (spec.netns && (netns_fd = open(spec.netns, O_RDONLY | O_CLOEXEC)) < 0) {
		shim_fail(&err, "netns", errno, "open %s", spec.netns);
		return report(&err);
	}
	unsigned long flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | (spec.new_netns ? CLONE_NEWNET : 0);
	int layer_sock[2] = {-1, -1}, host_netns = -1;
	if (spec.userns) {
		/* every namespace the clone makes is owned by the new user namespace; a joined netns is not, so the
		 * shim joins it before clone (the child could not) and goes back after */
		flags |= CLONE_NEWUSER;
		if (spec.rootfs_overlay && socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, layer_sock) < 0) {
			shim_fail(&err, "idmapped layers", errno, "create the layer socketpair");
			return report(&err);
		}
		if (netns_fd >= 0 && ((host_netns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC)) < 0 || setns(netns_fd, CLONE_NEWNET) < 0)) {
			shim_fail(&err, "netns", errno, "join %s", spec.netns);
			return report(&err);
		}
	}
	pid_t child = (pid_t)syscall(SYS_clone, flags | SIGCHLD, NULL, NULL, NULL, NULL);
	if (child < 0) {
		shim_fail(&err, "clone", errno, "create the container's namespaces");
		return report(&err);
	}
	if (child == 0) {
		shim_stdio_child(&spec, &io);
		spec.layer_sock = layer_sock[1];
		if (layer_sock[0] >= 0)
			close(layer_sock[0]);
		if (host_netns >= 0)
			netns_fd = -1; /* joined before clone */
		if (netns_fd >= 0 && setns(netns_fd, CLONE_NEWNET) < 0)
			shim_fail(&err, "netns", errno, "join %s", spec.netns);
		else if (unshare(CLONE_NEWCGROUP) < 0 && errno != EINVAL)
			shim_fail(&err, "cgroupns", errno, "unshare the cgroup namespace");
		else
			shim_container_init(&spec, sync_pipe[0], exec_pipe[1], &err);
		char frame[700];
		int len = snprintf(frame, sizeof(frame), "%s\t%d\t%s", err.stage, err.errnum, err.message);
		write_all(exec_pipe[1], frame, (size_t)len);
		_exit(127);
	}
	shim_stdio_parent(&io);
	close(sync_pipe[0]);
	close(exec_pipe[1]);
	if (host_netns >= 0 && setns(host_netns, CLONE_NEWNET) < 0)
		shim_fail(&err, "netns", errno, "go back to the shim's network namespace");
	else if (spec.userns)
		shim_userns_prepare(child, &spec, layer_sock[0], &err);
	for (int i = 0; i < 2; i++)
		if (layer_sock[i] >= 0)
			close(layer_sock[i]);
	if (host_netns >= 0)
		close(host_netns);
	if (err.stage[0]) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		return report(&err);
	}
	printf("pid %d\n", child);
	fflush(stdout);
	char line[64] = {0};
	if (!fgets(line, sizeof(line), stdin) || strncmp(line, "go", 2) != 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		return 1;
	}
	write_all(sync_pipe[1], "g", 1);
	close(sync_pipe[1]);
	/* with a tty the child sends the pty master before exec; EOF here means it failed before */
	if (spec.tty && shim_stdio_receive_master(&io) < 0)
		io.master = -1;
	char frame[700];
	ssize_t n = read(exec_pipe[0], frame, sizeof(frame) - 1);
	close(exec_pipe[0]);
	if (n > 0) {
		frame[n] = '\0';
		waitpid(child, NULL, 0);
		printf("error %s\n", frame);
		fflush(stdout);
		return 1;
	}
	printf("started\n");
	fflush(stdout);
	int devnull = open("/dev/null", O_RDWR);
	dup2(devnull, 0);
	dup2(devnull, 1);
	shim_monitor_run(&spec, &io, &log);
	int status = 0;
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
	write_exit(spec.exit_path, status);
	return 0;
}

static int exec_command(const char *pid_text, const char *spec_path)
{
	struct shim_spec spec;
	struct shim_error err = {0};
	if (shim_spec_read_process(spec_path, &spec, &err) < 0) {
		fprintf(stderr, "error %s\t%d\t%s\n", err.stage, err.errnum, err.message);
		return 125;
	}
	if (shim_join_namespaces(atoi(pid_text), &err) < 0) {
		fprintf(stderr, "error %s\t%d\t%s\n", err.stage, err.errnum, err.message);
		return 125;
	}
	/* the PID namespace applies to children: the process runs in a child */
	pid_t child = fork();
	if (child < 0) {
		fprintf(stderr, "error exec\t%d\tfork\n", errno);
		return 125;
	}
	if (child == 0) {
		shim_exec_process(&spec, &err);
		fprintf(stderr, "error %s\t%d\t%s\n", err.stage, err.errnum, err.message);
		_exit(err.errnum == ENOENT && strcmp(err.stage, "exec") == 0 ? 127 : 126);
	}
	int status = 0;
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "exec") == 0)
		return exec_command(argv[2], argv[3]);
	if (argc == 5 && strcmp(argv[1], "exec-tty") == 0)
		return shim_exec_tty(argv[2], argv[3], argv[4]);
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("jcompose-shim 0.1.0\n");
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "run") == 0)
		return run(argv[2]);
	if (argc >= 2 && strcmp(argv[1], "net") == 0)
		return net_main(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "netconf") == 0) {
		if (!netconf_main) {
			fprintf(stderr, "jcompose-shim: netconf not built in\n");
			return 125;
		}
		return netconf_main(argc - 1, argv + 1);
	}
	fprintf(stderr, "usage: jcompose-shim run SPEC | exec PID SPEC | exec-tty PID SPEC WINSIZE | netconf ... | --version\n");
	return 2;
}
