/*
 * The temporary file is tmpfile(3)'s: unlinked at once, so nothing is left
 * behind whatever happens to the command.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "out.h"
#include "spill.h"

int
spill_init(struct spill *s)
{
	memset(s, 0, sizeof(*s));
	if ((s->file = tmpfile()) == NULL) {
		diag_syswarn("cannot make a temporary file");
		return -1;
	}
	return 0;
}

void
spill_add(struct spill *s, const struct rec *r)
{
	struct spilled *e;

	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 1024 : s->cap * 2;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	e = &s->v[s->n++];
	e->idoff = s->ids.len;
	e->idlen = r->id.len;
	buf_add(&s->ids, r->id.p, r->id.len);
	buf_reset(&s->line);
	rec_format(r, &s->line);
	e->off = s->end;
	e->len = s->line.len;
	if (fwrite(s->line.p, 1, s->line.len, s->file) != s->line.len)
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
	return (x->off > y->off) - (x->off < y->off);
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
	free(s->v);
	memset(s, 0, sizeof(*s));
}
