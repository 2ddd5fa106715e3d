/*
 * The lock is taken on the state file itself.  A run that waited for the
 * lock may find that the path now names a newer file (the holder renamed
 * its replacement over it), so after locking, the descriptor and the path
 * must still be the same file; if not, it opens the path again.
 * The replacement is written to a temporary file beside the state, synced,
 * renamed over it, and the directory synced: the file is always either
 * the old state or the new one.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "line.h"
#include "rec.h"
#include "state.h"

static int
lock_current(struct state *s)
{
	struct stat held, now;

	for (;;) {
		if ((s->fd = open(s->path, O_RDWR | O_CREAT, 0666)) < 0)
			return -1;
		if (flock(s->fd, LOCK_EX) != 0 || fstat(s->fd, &held) != 0)
			return -1;
		if (stat(s->path, &now) == 0 && now.st_dev == held.st_dev &&
		    now.st_ino == held.st_ino)
			return 0;
		close(s->fd);
	}
}

static int
read_ids(struct state *s)
{
	struct reader rd = { 0 };
	struct span l;
	int got, ok = 0;

	reader_open_fd(&rd, s->path, s->fd);
	while ((got = reader_next(&rd, &l)) == 1) {
		if (!rec_id_valid(l.p, l.len)) {
			diag_line(s->path, rd.lineno, "not an id: the state "
			    "file holds one id a line");
			ok = -1;
			break;
		}
		strmap_put(&s->ids, l.p, l.len, NULL);
	}
	if (got < 0) {
		diag_syswarn("%s", s->path);
		ok = -1;
	}
	rd.fd = -1;	/* the descriptor stays open and locked */
	reader_free(&rd);
	if (ok < 0)
		diag_raise(STATUS_TROUBLE);
	return ok;
}

int
state_open(struct state *s, const char *path)
{
	memset(s, 0, sizeof(*s));
	s->path = path;
	if (lock_current(s) != 0) {
		diag_syswarn("%s", path);
		if (s->fd >= 0)
			close(s->fd);
		s->fd = -1;
		return -1;
	}
	return read_ids(s);
}

int
state_has(const struct state *s, const char *id, size_t len)
{
	return strmap_get(&s->ids, id, len) != NULL;
}

static void
add_id_line(struct buf *out, const char *p, size_t len)
{
	buf_add(out, p, len);
	buf_addc(out, '\n');
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
sync_directory(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY), rc = 0;

	free(copy);
	if (fd < 0)
		return -1;
	if (fsync(fd) != 0 && errno != EINVAL)
		rc = -1;
	close(fd);
	return rc;
}

int
state_commit(struct state *s, int new_round, const struct buf *lines,
    size_t n)
{
	struct buf text = { 0 }, tmp = { 0 };
	struct stat st;
	size_t i;
	int fd;

	for (i = 0; !new_round && i < s->ids.n; i++)
		add_id_line(&text, strmap_key(&s->ids, &s->ids.v[i]),
		    s->ids.v[i].len);
	for (i = 0; i < n; i++)
		add_id_line(&text, lines[i].p, (size_t)((const char *)
		    memchr(lines[i].p, '\t', lines[i].len) - lines[i].p));
	buf_adds(&tmp, s->path);
	buf_adds(&tmp, ".XXXXXX");
	fd = mkstemp((char *)buf_cstr(&tmp));
	if (fd < 0 || fstat(s->fd, &st) != 0 ||
	    fchmod(fd, st.st_mode & 0777) != 0 ||
	    write_all(fd, text.p, text.len) != 0 || fsync(fd) != 0 ||
	    close(fd) != 0 || rename(tmp.p, s->path) != 0 ||
	    sync_directory(s->path) != 0) {
		diag_syswarn("%s: cannot update", s->path);
		if (fd >= 0)
			unlink(tmp.p);
		buf_free(&text);
		buf_free(&tmp);
		return -1;
	}
	buf_free(&text);
	buf_free(&tmp);
	return 0;
}

void
state_close(struct state *s)
{
	if (s->fd >= 0)
		close(s->fd);	/* releases the lock */
	s->fd = -1;
	strmap_free(&s->ids);
}
