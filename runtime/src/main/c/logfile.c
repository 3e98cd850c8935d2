/*
 * The container's json-file log as Docker writes it, with its rotation: before a record is
 * written, when the live file has reached max-size, <log>.N-1 … <log>.1 move up one, the live file
 * becomes <log>.1 and a new one is opened (with max-file 1 a new empty live file replaces it).
 * Readers notice rotation by the live path's inode changing (engine/logs/JsonFileLogReader).
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int shim_logfile_open(struct shim_logfile *log, const char *path, uint64_t max_size, int max_files)
{
	log->path = path;
	log->max_size = max_size;
	log->max_files = max_files < 1 ? 1 : max_files;
	log->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (log->fd < 0)
		return -1;
	struct stat st;
	log->size = fstat(log->fd, &st) == 0 ? (uint64_t)st.st_size : 0;
	return 0;
}

/* A fresh live file: with max-file 1 a new, empty file takes the name at once (a new inode, so a
 * follower notices it as it notices rotation, where truncating in place would leave it past the end). */
static int reopen(struct shim_logfile *log)
{
	char tmp[4096];
	snprintf(tmp, sizeof(tmp), "%s.new", log->path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
	if (fd < 0)
		return -1;
	if (rename(tmp, log->path) < 0) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(log->fd);
	log->fd = fd;
	log->size = 0;
	return 0;
}

/* On failure the monitor keeps writing where it was and tries again after another max-size. */
static void rotate(struct shim_logfile *log)
{
	if (log->max_files < 2) {
		if (reopen(log) < 0)
			log->size = 0;
		return;
	}
	char from[4096], to[4096];
	for (int i = log->max_files - 1; i >= 1; i--) {
		if (i == 1)
			snprintf(from, sizeof(from), "%s", log->path);
		else
			snprintf(from, sizeof(from), "%s.%d", log->path, i - 1);
		snprintf(to, sizeof(to), "%s.%d", log->path, i);
		if (rename(from, to) < 0 && errno != ENOENT) {
			log->size = 0;
			return;
		}
	}
	int fd = open(log->path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (fd < 0) {
		log->size = 0;
		return;
	}
	close(log->fd);
	log->fd = fd;
	log->size = 0;
}

void shim_logfile_write(struct shim_logfile *log, const char *buf, size_t len)
{
	if (log->max_size > 0 && log->size >= log->max_size)
		rotate(log);
	while (len > 0) {
		ssize_t n = write(log->fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		buf += n;
		len -= (size_t)n;
		log->size += (uint64_t)n;
	}
}
