/*
 * How each rule of keep.h is kept: see there for the rules themselves.
 * Paths are resolved by hand (lstat and readlink, at most 40 links, as the
 * kernel does) rather than with realpath(3), because a dangling link must
 * resolve too: its target is created, as open(2) would.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "hash.h"
#include "keep.h"

#ifndef NAME_MAX
#define NAME_MAX	255
#endif

#define TMP_MARK	".qbtmp-"
#define TMP_RANDOM	6		/* mkstemp's XXXXXX */
#define MAX_LINKS	40

static void
not_regular(const char *name)
{
	diag_warn("%s: not a regular file: qb keeps its files only in "
	    "regular files", name);
}

static void
many_links(const struct keep *k, const struct stat *st)
{
	diag_warn("%s: has %lu hard links: replacing it would split them "
	    "(use a symbolic link)", k->name, (unsigned long)st->st_nlink);
}

/* The length of the directory part of path, its last '/' included. */
static size_t
dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? 0 : (size_t)(slash - path) + 1;
}

/* Follows the symbolic links at the end of k->path. */
static int
resolve(struct keep *k)
{
	struct stat st;
	int links;

	for (links = 0; links <= MAX_LINKS; links++) {
		struct buf next = { 0 };
		char target[PATH_MAX];
		ssize_t n;

		if (lstat(k->path, &st) != 0)
			return errno == ENOENT ? 0 : -1;
		if (!S_ISLNK(st.st_mode))
			return 0;
		if ((n = readlink(k->path, target, sizeof(target) - 1)) < 0)
			return -1;
		target[n] = '\0';
		if (target[0] != '/')
			buf_add(&next, k->path, dir_len(k->path));
		buf_adds(&next, target);
		free(k->path);
		k->path = xstrdup(buf_cstr(&next));
		buf_free(&next);
	}
	errno = ELOOP;
	return -1;
}

int
keep_init(struct keep *k, const char *name)
{
	struct stat st;

	k->name = name;
	k->path = xstrdup(name);
	k->fd = -1;
	/* Through every link: /dev/stdin on a pipe is a FIFO, refused. */
	if (stat(name, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			not_regular(k->name);
			return -1;
		}
		if (st.st_nlink > 1) {
			many_links(k, &st);
			return -1;
		}
	} else if (errno != ENOENT) {
		diag_syswarn("%s", name);
		return -1;
	}
	if (resolve(k) != 0) {
		diag_syswarn("%s", name);
		return -1;
	}
	return 0;
}

/* The name of k's temporaries before the random part; it fits NAME_MAX. */
static void
tmp_prefix(const struct keep *k, struct buf *b)
{
	size_t dl = dir_len(k->path), room = NAME_MAX - strlen(TMP_MARK) -
	    TMP_RANDOM;
	const char *base = k->path + dl;
	size_t len = strlen(base);
	char hex[16];

	buf_add(b, k->path, dl);
	if (len <= room)
		buf_add(b, base, len);
	else {
		/* Another long name with the same start gets another hash. */
		snprintf(hex, sizeof(hex), "-%08lx", (unsigned long)
		    (hash_fnv1a(base, len) & 0xffffffffUL));
		buf_add(b, base, room - strlen(hex));
		buf_adds(b, hex);
	}
	buf_adds(b, TMP_MARK);
}

static int
is_random_part(const char *s)
{
	size_t i;

	for (i = 0; i < TMP_RANDOM; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return s[TMP_RANDOM] == '\0';
}

/*
 * Removes the temporaries of runs killed while they held the lock.  A
 * directory that cannot be listed (a 0333 drop box) is left as it is.
 */
static void
reclaim(const struct keep *k)
{
	struct buf prefix = { 0 };
	const char *base;
	struct dirent *e;
	size_t dl = dir_len(k->path), blen;
	DIR *d;
	int dfd;

	tmp_prefix(k, &prefix);
	buf_cstr(&prefix);
	if (dl == 0)
		d = opendir(".");
	else {
		char *dir = xstrdup(k->path);

		dir[dl] = '\0';
		d = opendir(dir);
		free(dir);
	}
	if (d == NULL) {
		buf_free(&prefix);
		return;
	}
	base = prefix.p + dl;
	blen = strlen(base);
	dfd = dirfd(d);
	while ((e = readdir(d)) != NULL) {
		struct stat st;

		if (strncmp(e->d_name, base, blen) != 0 ||
		    !is_random_part(e->d_name + blen))
			continue;
		if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode))
			unlinkat(dfd, e->d_name, 0);
	}
	closedir(d);
	buf_free(&prefix);
}

int
keep_open(const char *name, const char *path, int flags, struct stat *st,
    int *missing)
{
	int fd;

	*missing = 0;
	if ((fd = open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC,
	    0666)) < 0) {
		if (errno == ENOENT && !(flags & O_CREAT))
			*missing = 1;
		else if (errno == ENXIO)	/* a FIFO without a reader */
			not_regular(name);
		else
			diag_syswarn("%s", name);
		return -1;
	}
	if (fstat(fd, st) != 0) {
		diag_syswarn("%s", name);
		close(fd);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		not_regular(name);
		close(fd);
		return -1;
	}
	/* Back to ordinary blocking I/O for the file itself. */
	if (fcntl(fd, F_SETFL, flags & O_APPEND) < 0) {
		diag_syswarn("%s", name);
		close(fd);
		return -1;
	}
	return fd;
}

int
keep_lock(struct keep *k)
{
	struct stat held, now;
	int missing;

	for (;;) {
		k->fd = keep_open(k->name, k->path, O_RDWR | O_CREAT, &held,
		    &missing);
		if (k->fd < 0) {
			keep_close(k);
			return -1;
		}
		if (held.st_nlink > 1) {
			many_links(k, &held);
			keep_close(k);
			return -1;
		}
		while (flock(k->fd, LOCK_EX) != 0)
			if (errno != EINTR) {
				diag_syswarn("%s: cannot lock", k->name);
				keep_close(k);
				return -1;
			}
		if (stat(k->path, &now) == 0 && now.st_dev == held.st_dev &&
		    now.st_ino == held.st_ino)
			break;
		close(k->fd);	/* renamed over while we waited */
	}
	reclaim(k);
	return 0;
}

int
keep_read(struct keep *k, struct buf *b)
{
	off_t off = 0;

	buf_reset(b);
	for (;;) {
		ssize_t n;

		buf_reserve(b, 64 * 1024);
		n = pread(k->fd, b->p + b->len, b->cap - b->len - 1, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_syswarn("%s", k->name);
			return -1;
		}
		if (n == 0)
			return 0;
		b->len += (size_t)n;
		off += n;
	}
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

/*
 * After the rename, a directory that cannot be synced only means the new
 * name may not survive a power cut: the contents are in place.
 */
static void
sync_directory(const struct keep *k)
{
	size_t dl = dir_len(k->path);
	char *dir = xstrdup(dl == 0 ? "." : k->path);
	int fd;

	if (dl > 0)
		dir[dl] = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0 || (fsync(fd) != 0 && errno != EINVAL))
		diag_sysinfo("%s: updated, but its directory could not be "
		    "synced", k->name);
	if (fd >= 0)
		close(fd);
}

/* The target's owner (when we may give it) and mode, on the temporary. */
static void
copy_owner_mode(int fd, const struct stat *st)
{
	if (st->st_uid != geteuid() || st->st_gid != getegid())
		if (fchown(fd, st->st_uid, st->st_gid) != 0)
			(void)!fchown(fd, (uid_t)-1, st->st_gid);
	(void)!fchmod(fd, st->st_mode & 07777);
}

int
keep_replace(struct keep *k, const char *p, size_t len)
{
	struct buf tmp = { 0 };
	struct stat st;
	int fd;

	tmp_prefix(k, &tmp);
	buf_adds(&tmp, "XXXXXX");
	if ((fd = mkstemp((char *)buf_cstr(&tmp))) < 0)
		goto fail;
	if (fstat(k->fd, &st) != 0)
		goto fail;
	copy_owner_mode(fd, &st);
	if (write_all(fd, p, len) != 0 || fsync(fd) != 0 ||
	    flock(fd, LOCK_EX) != 0 || rename(tmp.p, k->path) != 0)
		goto fail;
	close(k->fd);	/* the old file: the lock goes on with fd */
	k->fd = fd;
	buf_free(&tmp);
	sync_directory(k);
	return 0;
fail:
	diag_syswarn("%s: cannot update", k->name);
	if (fd >= 0) {
		unlink(tmp.p);
		close(fd);
	}
	buf_free(&tmp);
	return -1;
}

void
keep_close(struct keep *k)
{
	if (k->fd >= 0)
		close(k->fd);	/* releases the lock */
	k->fd = -1;
	free(k->path);
	k->path = NULL;
}
