/*
 * The spec keys of the security and monitor features:
 *   seccomp PATH        a file of struct sock_filter (the engine compiles the profile), read at once, installed
 *                       last before exec (run and exec)
 *   init 0|1            the shim stays the container's PID 1 (docker run --init)
 *   log_max_size BYTES  rotate the json-file log when it reaches this size (0: never)
 *   log_max_files N     files kept, the live one included (1: the live file is truncated instead)
 *   tty 0|1             PID 1 gets a pty of the container's devpts (stdio.c)
 *   winsize ROWS COLS   the pty's first size
 *   stdin_fifo PATH     OpenStdin: the FIFO the engine writes the container's stdin to
 *   ctl_fifo PATH       the FIFO of control lines (resize, close stdin)
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int shim_spec_parse_extra(struct shim_spec *s, const char *key, char *value, struct shim_error *err)
{
	char *end = NULL;
	if (strcmp(key, "seccomp") == 0) {
		/* read now: "run" and "exec" parse their spec while the host's paths are still visible */
		struct shim_seccomp filter = {NULL, 0};
		if (*value && shim_seccomp_load(value, &filter, err) < 0)
			return -1;
		s->seccomp_path = *value ? value : NULL;
		s->seccomp_filter = filter.filter;
		s->seccomp_len = filter.len;
	} else if (strcmp(key, "init") == 0) {
		s->init = atoi(value);
	} else if (strcmp(key, "log_max_size") == 0) {
		errno = 0;
		s->log_max_size = strtoull(value, &end, 10);
		if (errno || !*value || *end)
			return shim_fail(err, "spec", EINVAL, "log_max_size \"%s\" is not a byte count", value);
	} else if (strcmp(key, "log_max_files") == 0) {
		long n = strtol(value, &end, 10);
		if (!*value || *end || n < 1 || n > 1000)
			return shim_fail(err, "spec", EINVAL, "log_max_files \"%s\" is not 1 to 1000", value);
		s->log_max_files = (int)n;
	} else if (strcmp(key, "tty") == 0) {
		s->tty = atoi(value);
	} else if (strcmp(key, "winsize") == 0) {
		unsigned rows = 0, cols = 0;
		if (sscanf(value, "%u %u", &rows, &cols) != 2 || rows > 65535 || cols > 65535)
			return shim_fail(err, "spec", EINVAL, "winsize \"%s\" is not \"rows cols\"", value);
		s->tty_rows = (unsigned short)rows;
		s->tty_cols = (unsigned short)cols;
	} else if (strcmp(key, "stdin_fifo") == 0) {
		s->stdin_fifo = value;
	} else if (strcmp(key, "ctl_fifo") == 0) {
		s->ctl_fifo = value;
	} else {
		return 0;
	}
	return 1;
}
