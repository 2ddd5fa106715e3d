/*
 * Positions start at 1; "0", a range that runs backwards, an empty item
 * and anything but digits and one '-' are errors, as in cut(1).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "out.h"
#include "range.h"

static int
number(const char *p, size_t len, uint64_t *v)
{
	uint64_t x = 0;
	size_t i;

	if (len == 0 || len > 19)
		return -1;
	for (i = 0; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		x = x * 10 + (uint64_t)(p[i] - '0');
	}
	if (x == 0)
		return -1;
	*v = x;
	return 0;
}

int
range_parse(const char *list, struct range **v, size_t *n)
{
	for (;;) {
		size_t len = strcspn(list, ",");
		const char *dash = memchr(list, '-', len);
		struct range r;

		if (dash == NULL) {
			if (number(list, len, &r.lo) < 0)
				return -1;
			r.hi = r.lo;
		} else {
			size_t left = (size_t)(dash - list);

			if (number(list, left, &r.lo) < 0)
				return -1;
			if (left + 1 == len)
				r.hi = RANGE_OPEN;
			else if (number(dash + 1, len - left - 1, &r.hi) < 0 ||
			    r.hi < r.lo)
				return -1;
		}
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		(*v)[(*n)++] = r;
		if (list[len] == '\0')
			return 0;
		list += len + 1;
	}
}

int
range_contains(const struct range *v, size_t n, uint64_t p)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p >= v[i].lo && p <= v[i].hi)
			return 1;
	return 0;
}

void
range_keep(struct range_store *k, uint64_t pos, const struct rec *r)
{
	struct range_entry *e;

	if (k->n == k->cap) {
		k->cap = k->cap == 0 ? 64 : k->cap * 2;
		k->v = xreallocarray(k->v, k->cap, sizeof(*k->v));
	}
	e = &k->v[k->n++];
	e->pos = pos;
	e->off = k->lines.len;
	rec_format(r, &k->lines);
	e->len = k->lines.len - e->off;
}

size_t
range_write(const struct range_store *k, const struct range *r)
{
	size_t lo = 0, hi = k->n, written = 0;

	/* The first kept record at or after r->lo: they are in order. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (k->v[mid].pos < r->lo)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < k->n && k->v[lo].pos <= r->hi; lo++, written++)
		out_write(k->lines.p + k->v[lo].off, k->v[lo].len);
	return written;
}

void
range_store_free(struct range_store *k)
{
	free(k->v);
	buf_free(&k->lines);
	memset(k, 0, sizeof(*k));
}
