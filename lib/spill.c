/*
 * The temporary file is unlinked at once, so nothing is left behind
 * whatever happens to the command.  It is made in TMPDIR, else /tmp
 * (tmpfile(3) ignores TMPDIR); when neither can take it (a read-only
 * /tmp), the lines are kept in memory instead: slower to grow, but the
 * pick is still made.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "out.h"
#include "spill.h"

static FILE *
open_temporary(void)
{
	const char *dirs[] = { getenv("TMPDIR"), "/tmp" };
	size_t i;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		struct buf path = { 0 };
		FILE *f = NULL;
		int fd;

		if (dirs[i] == NULL || dirs[i][0] == '\0')
			continue;
		buf_adds(&path, dirs[i]);
		buf_adds(&path, "/qb-spill.XXXXXX");
		if ((fd = mkstemp((char *)buf_cstr(&path))) >= 0) {
			unlink(path.p);
			if ((f = fdopen(fd, "w+")) == NULL)
				close(fd);
		}
		buf_free(&path);
		if (f != NULL)
			return f;
	}
	return NULL;
}

int
spill_init(struct spill *s)
{
	memset(s, 0, sizeof(*s));
	s->file = open_temporary();	/* NULL: in memory */
	return 0;
}

static struct spilled *
add_id(struct spill *s, const struct rec *r)
{
	struct spilled *e;

	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 1024 : s->cap * 2;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	e = &s->v[s->n++];
	e->idoff = s->ids.len;
	e->idlen = (uint32_t)r->id.len;
	e->from = -1;
	buf_add(&s->ids, r->id.p, r->id.len);
	return e;
}

/*
 * A line already in a regular file need not be copied to the temporary
 * one: writing a big bank out again was most of the cost of --daily.
 */
void
spill_add_at(struct spill *s, const struct rec *r, int fd,
    unsigned long input, off_t off, size_t len)
{
	struct spilled *e;

	if (s->nfds == 0 || s->lastinput != input + 1) {
		int dupfd = fcntl(fd, F_DUPFD_CLOEXEC, 3);

		if (dupfd < 0 || s->nfds >= INT32_MAX) {
			if (dupfd >= 0)
				close(dupfd);
			spill_add(s, r);
			return;
		}
		s->fds = xreallocarray(s->fds, s->nfds + 1, sizeof(*s->fds));
		s->fds[s->nfds++] = dupfd;
		s->lastinput = input + 1;
	}
	e = add_id(s, r);
	e->from = (int32_t)(s->nfds - 1);
	e->off = off;
	e->len = len;
}

void
spill_add(struct spill *s, const struct rec *r)
{
	struct spilled *e = add_id(s, r);

	buf_reset(&s->line);
	rec_format(r, &s->line);
	e->off = s->end;
	e->len = s->line.len;
	if (s->file == NULL)
		buf_add(&s->mem, s->line.p, s->line.len);
	else if (fwrite(s->line.p, 1, s->line.len, s->file) != s->line.len)
		diag_fatal("temporary file: write error");
	s->end += (off_t)s->line.len;
}

/* qsort() has no context argument in C11 or POSIX. */
static const char *sorting_ids;

/* By id, then by input order, so that the order is total. */
static int
by_id(const void *a, const void *b)
{
	const struct spilled *x = a, *y = b;
	size_t n = x->idlen < y->idlen ? x->idlen : y->idlen;
	int cmp = memcmp(sorting_ids + x->idoff, sorting_ids + y->idoff, n);

	if (cmp != 0)
		return cmp;
	if (x->idlen != y->idlen)
		return x->idlen < y->idlen ? -1 : 1;
	return (x->idoff > y->idoff) - (x->idoff < y->idoff);
}

static void
swap(struct spilled *a, struct spilled *b)
{
	struct spilled t = *a;

	*a = *b;
	*b = t;
}

/*
 * Quickselect (Hoare's FIND) with a median-of-three pivot: linear on
 * average.  Inputs that keep it from converging fall back to sorting
 * after 2 log2(n) rounds, so it is never quadratic.
 */
size_t
spill_nth_by_id(struct spill *s, size_t k)
{
	size_t lo = 0, hi = s->n - 1, rounds = 0, limit = 2;
	struct spilled *v = s->v;

	sorting_ids = s->ids.p;
	for (size_t n = s->n; n > 1; n /= 2)
		limit += 2;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, i = lo, j = hi;

		if (++rounds > limit) {
			qsort(v + lo, hi - lo + 1, sizeof(*v), by_id);
			break;
		}
		if (by_id(&v[mid], &v[lo]) < 0)
			swap(&v[mid], &v[lo]);
		if (by_id(&v[hi], &v[lo]) < 0)
			swap(&v[hi], &v[lo]);
		if (by_id(&v[hi], &v[mid]) < 0)
			swap(&v[hi], &v[mid]);
		swap(&v[mid], &v[hi]);		/* the pivot waits at hi */
		for (j = lo; j < hi; j++)
			if (by_id(&v[j], &v[hi]) < 0)
				swap(&v[i++], &v[j]);
		swap(&v[i], &v[hi]);
		if (i == k)
			break;
		if (k < i)
			hi = i - 1;
		else
			lo = i + 1;
	}
	return k;
}

void
spill_write(struct spill *s, size_t i)
{
	const struct spilled *e = &s->v[i];

	buf_reset(&s->line);
	buf_reserve(&s->line, e->len);
	if (e->from >= 0) {
		if (pread(s->fds[e->from], s->line.p, e->len, e->off) !=
		    (ssize_t)e->len)
			diag_fatal("read error: an input changed while read");
		out_write(s->line.p, e->len);
		return;
	}
	if (s->file == NULL) {
		out_write(s->mem.p + e->off, e->len);
		return;
	}
	if (fflush(s->file) != 0 || fseeko(s->file, e->off, SEEK_SET) != 0 ||
	    fread(s->line.p, 1, e->len, s->file) != e->len)
		diag_fatal("temporary file: read error");
	out_write(s->line.p, e->len);
	if (fseeko(s->file, s->end, SEEK_SET) != 0)
		diag_fatal("temporary file: seek error");
}

void
spill_free(struct spill *s)
{
	if (s->file != NULL)
		fclose(s->file);
	buf_free(&s->ids);
	buf_free(&s->line);
	buf_free(&s->mem);
	free(s->v);
	while (s->nfds > 0)
		close(s->fds[--s->nfds]);
	free(s->fds);
	memset(s, 0, sizeof(*s));
}
