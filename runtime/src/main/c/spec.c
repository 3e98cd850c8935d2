/*
 * The spec file the engine writes: one "key value" per line; a value may contain the escapes
 * \\ \n \t; fields inside a value (mounts, rlimits) are separated by the unit separator \x1f.
 * Keys: root, rootfs_overlay, readonly_root, hostname, domainname, arg*, env*, cwd, uid, gid, gid_add*,
 * caps (hex mask), no_new_privs, mount* (type\x1fsource\x1fdest\x1fflags\x1fdata), rlimit* (res\x1fsoft\x1fhard),
 * masked*, readonly*, sysctl* (key=value), netns, new_netns, log, exit, oom_score_adj;
 * seccomp, init, log_max_size, log_max_files (spec_extra.c); userns, uid_map*, gid_map* (userns.c).
 * A key written with * may repeat. Unknown keys are an error: the engine and shim ship together.
 */
#define _GNU_SOURCE
#include "shim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>

static void unescape(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 'n' ? '\n' : *r == 't' ? '\t' : *r;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

static char *field(char **cursor)
{
	char *start = *cursor;
	if (!start)
		return NULL;
	char *sep = strchr(start, '\x1f');
	if (sep) {
		*sep = '\0';
		*cursor = sep + 1;
	} else {
		*cursor = NULL;
	}
	return start;
}

struct flag_name {
	const char *name;
	unsigned long set;
	unsigned long propagation;
	int readonly;
};

static const struct flag_name FLAGS[] = {
	{"bind", MS_BIND, 0, 0},         {"rbind", MS_BIND | MS_REC, 0, 0},
	{"ro", 0, 0, 1},                 {"rw", 0, 0, 0},
	{"nosuid", MS_NOSUID, 0, 0},     {"nodev", MS_NODEV, 0, 0},
	{"noexec", MS_NOEXEC, 0, 0},     {"relatime", MS_RELATIME, 0, 0},
	{"strictatime", MS_STRICTATIME, 0, 0},
	{"private", 0, MS_PRIVATE, 0},   {"rprivate", 0, MS_PRIVATE | MS_REC, 0},
	{"shared", 0, MS_SHARED, 0},     {"rshared", 0, MS_SHARED | MS_REC, 0},
	{"slave", 0, MS_SLAVE, 0},       {"rslave", 0, MS_SLAVE | MS_REC, 0},
};

static int parse_flags(char *list, struct shim_mount *m, struct shim_error *err)
{
	char *save = NULL;
	for (char *f = strtok_r(list, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
		size_t i;
		for (i = 0; i < sizeof(FLAGS) / sizeof(FLAGS[0]); i++) {
			if (strcmp(FLAGS[i].name, f) == 0) {
				m->flags |= FLAGS[i].set;
				m->propagation |= FLAGS[i].propagation;
				m->readonly |= FLAGS[i].readonly;
				break;
			}
		}
		if (i == sizeof(FLAGS) / sizeof(FLAGS[0]))
			return shim_fail(err, "spec", EINVAL, "mount %s: unknown flag %s", m->destination, f);
	}
	return 0;
}

static int add(char **items, size_t *n, char *value, const char *key, struct shim_error *err)
{
	if (*n >= SHIM_MAX_ITEMS)
		return shim_fail(err, "spec", E2BIG, "too many %s entries", key);
	items[(*n)++] = value;
	return 0;
}

static int parse_line(struct shim_spec *s, char *key, char *value, struct shim_error *err)
{
	int extra = shim_spec_parse_extra(s, key, value, err);
	if (extra == 0)
		extra = shim_userns_parse(s, key, value, err);
	if (extra != 0)
		return extra < 0 ? -1 : 0;
	if (strcmp(key, "root") == 0) {
		s->root = value;
	} else if (strcmp(key, "rootfs_overlay") == 0) {
		s->rootfs_overlay = value;
	} else if (strcmp(key, "readonly_root") == 0) {
		s->readonly_root = atoi(value);
	} else if (strcmp(key, "hostname") == 0) {
		s->hostname = value;
	} else if (strcmp(key, "domainname") == 0) {
		s->domainname = value;
	} else if (strcmp(key, "arg") == 0) {
		return add(s->args, &s->nargs, value, key, err);
	} else if (strcmp(key, "env") == 0) {
		return add(s->env, &s->nenv, value, key, err);
	} else if (strcmp(key, "cwd") == 0) {
		s->cwd = value;
	} else if (strcmp(key, "uid") == 0) {
		s->uid = (unsigned)strtoul(value, NULL, 10);
	} else if (strcmp(key, "gid") == 0) {
		s->gid = (unsigned)strtoul(value, NULL, 10);
	} else if (strcmp(key, "gid_add") == 0) {
		if (s->ngids >= 64)
			return shim_fail(err, "spec", E2BIG, "too many supplementary groups");
		s->gids[s->ngids++] = (unsigned)strtoul(value, NULL, 10);
	} else if (strcmp(key, "caps") == 0) {
		s->caps = strtoull(value, NULL, 16);
	} else if (strcmp(key, "no_new_privs") == 0) {
		s->no_new_privs = atoi(value);
	} else if (strcmp(key, "mount") == 0) {
		if (s->nmounts >= SHIM_MAX_ITEMS)
			return shim_fail(err, "spec", E2BIG, "too many mounts");
		struct shim_mount *m = &s->mounts[s->nmounts++];
		char *cur = value;
		m->type = field(&cur);
		m->source = field(&cur);
		m->destination = field(&cur);
		char *flags = field(&cur);
		m->data = field(&cur);
		if (!m->destination || !flags)
			return shim_fail(err, "spec", EINVAL, "mount line needs type, source, destination, flags");
		if (m->data && !*m->data)
			m->data = NULL;
		return parse_flags(flags, m, err);
	} else if (strcmp(key, "rlimit") == 0) {
		if (s->nrlimits >= 32)
			return shim_fail(err, "spec", E2BIG, "too many rlimits");
		char *cur = value;
		struct shim_rlimit *r = &s->rlimits[s->nrlimits++];
		r->resource = atoi(field(&cur));
		char *soft = field(&cur);
		char *hard = field(&cur);
		if (!soft || !hard)
			return shim_fail(err, "spec", EINVAL, "rlimit line needs resource, soft, hard");
		r->soft = strtoull(soft, NULL, 10);
		r->hard = strtoull(hard, NULL, 10);
	} else if (strcmp(key, "masked") == 0) {
		return add(s->masked, &s->nmasked, value, key, err);
	} else if (strcmp(key, "readonly") == 0) {
		return add(s->readonly_paths, &s->nreadonly, value, key, err);
	} else if (strcmp(key, "sysctl") == 0) {
		return add(s->sysctls, &s->nsysctls, value, key, err);
	} else if (strcmp(key, "netns") == 0) {
		s->netns = value;
	} else if (strcmp(key, "new_netns") == 0) {
		s->new_netns = atoi(value);
	} else if (strcmp(key, "log") == 0) {
		s->log_path = value;
	} else if (strcmp(key, "exit") == 0) {
		s->exit_path = value;
	} else if (strcmp(key, "oom_score_adj") == 0) {
		s->oom_score_adj = atoi(value);
		s->has_oom_score_adj = 1;
	} else {
		return shim_fail(err, "spec", EINVAL, "unknown key \"%s\"", key);
	}
	return 0;
}

int shim_spec_read_process(const char *path, struct shim_spec *spec, struct shim_error *err);

static int read_lines(const char *path, struct shim_spec *spec, struct shim_error *err);

int shim_spec_read(const char *path, struct shim_spec *spec, struct shim_error *err)
{
	int ret = read_lines(path, spec, err);
	if (ret == 0 && (!spec->root || spec->nargs == 0 || !spec->log_path || !spec->exit_path))
		ret = shim_fail(err, "spec", EINVAL, "%s needs root, arg, log and exit", path);
	return ret;
}

/* An exec spec: only the process keys (arg, env, cwd, uid, gid, gid_add, caps, no_new_privs). */
int shim_spec_read_process(const char *path, struct shim_spec *spec, struct shim_error *err)
{
	int ret = read_lines(path, spec, err);
	if (ret == 0 && spec->nargs == 0)
		ret = shim_fail(err, "spec", EINVAL, "%s needs arg", path);
	return ret;
}

static int read_lines(const char *path, struct shim_spec *spec, struct shim_error *err)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return shim_fail(err, "spec", errno, "open %s", path);
	memset(spec, 0, sizeof(*spec));
	spec->cwd = "/";
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int ret = 0;
	while ((len = getline(&line, &cap, f)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (!*line)
			continue;
		char *copy = strdup(line);
		if (!copy) {
			ret = shim_fail(err, "spec", ENOMEM, "reading %s", path);
			break;
		}
		char *sp = strchr(copy, ' ');
		char *value = sp ? sp + 1 : copy + strlen(copy);
		if (sp)
			*sp = '\0';
		unescape(value);
		if ((ret = parse_line(spec, copy, value, err)) < 0)
			break;
	}
	free(line);
	fclose(f);
	return ret;
}
