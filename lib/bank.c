/*
 * QB_PATH works like PATH: empty entries are skipped, and the order of the
 * entries is the order of the records.  Inside a directory, name order is
 * byte order (strcmp), not the locale's, so every machine agrees.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bank.h"
#include "buf.h"
#include "diag.h"

struct pathlist {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

static void
push(struct pathlist *l, char *path)
{
	if (l->n + 2 > l->cap) {
		l->cap = l->cap == 0 ? 8 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = path;
	l->v[l->n] = NULL;
}

static int
is_qb_name(const char *name)
{
	size_t len = strlen(name);

	return name[0] != '.' && len > 3 && strcmp(name + len - 3, ".qb") == 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
add_directory(struct pathlist *l, const char *dir)
{
	struct dirent *e;
	size_t first = l->n;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		diag_syswarn("%s", dir);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		struct buf path = { 0 };
		struct stat st;

		if (!is_qb_name(e->d_name))
			continue;
		buf_adds(&path, dir);
		if (path.len > 0 && path.p[path.len - 1] != '/')
			buf_addc(&path, '/');
		buf_adds(&path, e->d_name);
		/*
		 * Regular files only: a FIFO would hang the command, a device
		 * never ends.  A dangling link is kept, to be reported.
		 */
		if (stat(buf_cstr(&path), &st) == 0 && !S_ISREG(st.st_mode)) {
			buf_free(&path);
			continue;
		}
		push(l, (char *)buf_cstr(&path));
	}
	closedir(d);
	qsort(l->v + first, l->n - first, sizeof(*l->v), by_name);
}

char **
bank_path_expand(const char *qb_path, size_t *n)
{
	struct pathlist l = { 0 };
	const char *p = qb_path;

	push(&l, NULL);
	l.n = 0;
	while (*p != '\0') {
		size_t len = strcspn(p, ":");
		char *entry = xmalloc(len + 1);
		struct stat st;

		memcpy(entry, p, len);
		entry[len] = '\0';
		p += len + (p[len] == ':');
		if (len == 0) {
			free(entry);
			continue;
		}
		if (stat(entry, &st) == 0 && S_ISDIR(st.st_mode)) {
			add_directory(&l, entry);
			free(entry);
		} else
			push(&l, entry);	/* a missing file is reported on open */
	}
	*n = l.n;
	return l.v;
}

void
bank_path_free(char **v)
{
	char **p;

	for (p = v; *p != NULL; p++)
		free(*p);
	free(v);
}
