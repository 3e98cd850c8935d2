/*
 * The seccomp filter: the engine compiles the profile (Docker's default unless unconfined) to
 * classic BPF and writes the struct sock_filter array to a file; the container process reads it
 * while the host's paths are still visible and installs it as the last step before exec.
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

int shim_seccomp_load(const char *path, struct shim_seccomp *out, struct shim_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return shim_fail(err, "seccomp", errno, "open the filter %s", path);
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		return shim_fail(err, "seccomp", e, "stat the filter %s", path);
	}
	if (st.st_size == 0 || st.st_size % sizeof(struct sock_filter) != 0 || st.st_size / sizeof(struct sock_filter) > BPF_MAXINSNS) {
		close(fd);
		return shim_fail(err, "seccomp", EINVAL, "%s is not 1 to %d BPF instructions (%lld bytes)", path, BPF_MAXINSNS,
				 (long long)st.st_size);
	}
	char *buf = malloc((size_t)st.st_size);
	size_t got = 0;
	while (buf && got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			int e = n < 0 ? errno : EIO;
			free(buf);
			close(fd);
			return shim_fail(err, "seccomp", e, "read the filter %s", path);
		}
		got += (size_t)n;
	}
	close(fd);
	if (!buf)
		return shim_fail(err, "seccomp", ENOMEM, "read the filter %s", path);
	out->filter = buf;
	out->len = (unsigned short)(st.st_size / sizeof(struct sock_filter));
	return 0;
}

int shim_seccomp_install(const struct shim_seccomp *f, struct shim_error *err)
{
	if (!f->filter)
		return 0;
	struct sock_fprog prog = {f->len, f->filter};
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) < 0)
		return shim_fail(err, "seccomp", errno, "install the seccomp filter (%u instructions)", f->len);
	return 0;
}
