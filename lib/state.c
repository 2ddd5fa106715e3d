/*
 * The file is read whole and written back whole: its comments and blank
 * lines where they were, forgotten ids left out, new ids at the end.  New
 * ids go at the end in the order they were written, so the last id of an
 * input in file order is the record that ended its round.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "line.h"
#include "rec.h"
#include "state.h"

int
state_init(struct state *s, const char *path)
{
	memset(s, 0, sizeof(*s));
	return keep_init(&s->file, path);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

int
state_parse(struct state *s)
{
	struct reader rd = { 0 };
	struct span l;
	size_t cap = 0;

	reader_open_mem(&rd, s->file.name, s->text.p, s->text.len);
	while (reader_next(&rd, &l) == 1) {
		struct state_line *sl;
		const char *p = l.p, *end = l.p + l.len;

		while (p < end && is_space(*p))
			p++;
		while (end > p && is_space(end[-1]))
			end--;
		if (p < end && *p != '#' &&
		    !rec_id_valid(p, (size_t)(end - p))) {
			diag_line(s->file.name, rd.lineno, "not an id: the "
			    "state file holds one id a line");
			diag_raise(STATUS_TROUBLE);
			reader_free(&rd);
			return -1;
		}
		if (s->nlines == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			s->lines = xreallocarray(s->lines, cap,
			    sizeof(*s->lines));
		}
		sl = &s->lines[s->nlines++];
		sl->off = (size_t)(l.p - s->text.p);
		sl->len = l.len;
		sl->idoff = (size_t)(p - s->text.p);
		sl->idlen = p < end && *p != '#' ? (size_t)(end - p) : 0;
		sl->drop = 0;
		if (sl->idlen > 0)
			strmap_put(&s->ids, p, sl->idlen, NULL)->value =
			    s->nlines;
	}
	reader_free(&rd);
	return 0;
}

int
state_lock(struct state *s)
{
	if (keep_lock(&s->file) != 0 || keep_read(&s->file, &s->text) != 0)
		return -1;
	return state_parse(s);
}

int
state_has(const struct state *s, const char *id, size_t len)
{
	return strmap_get(&s->ids, id, len) != NULL;
}


static void
shuffle(size_t *a, size_t n, struct rng *r)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j = (size_t)rng_below(r, i), t = a[i - 1];

		a[i - 1] = a[j];
		a[j] = t;
	}
}

/* Picks k of a[0..n-1] into a[0..k-1], in random order. */
static void
choose(size_t *a, size_t n, size_t k, struct rng *r)
{
	size_t i;

	for (i = 0; i < k && i + 1 < n; i++) {
		size_t j = i + (size_t)rng_below(r, n - i), t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
}

static void
add_ids(struct state *s, const struct spill *sp, const size_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t len;
		const char *id = spill_id(sp, v[i], &len);

		buf_add(&s->added, id, len);
		buf_addc(&s->added, '\n');
	}
}

size_t
state_choose(struct state *s, struct rng *r, const struct spill *sp,
    size_t k, size_t *pick)
{
	struct strmap input = { 0 };
	size_t *fresh, *old, nfresh = 0, nold = 0, n, i, last = 0, at = 0, t;
	int added;

	fresh = xcalloc(sp->n + 1, sizeof(*fresh));
	old = xcalloc(sp->n + 1, sizeof(*old));
	for (i = 0; i < sp->n; i++) {
		size_t len;
		const char *id = spill_id(sp, i, &len);
		struct strmap_entry *e;

		strmap_put(&input, id, len, &added);
		if (!added)
			continue;
		if ((e = strmap_get(&s->ids, id, len)) == NULL)
			fresh[nfresh++] = i;
		else {
			/* The input's last id in the file ended its round. */
			if (e->value > last) {
				last = e->value;
				at = nold;
			}
			old[nold++] = i;
		}
	}
	t = old[0];
	old[0] = old[at];
	old[at] = t;
	if (nfresh >= k || nold == 0) {
		/* The round goes on (or ends with all of it, and no more). */
		n = nfresh < k ? nfresh : k;
		choose(fresh, nfresh, n, r);
		memcpy(pick, fresh, n * sizeof(*pick));
		add_ids(s, sp, fresh, n);
	} else {
		/* The rest of the round, then a new round for this input. */
		size_t more = k - nfresh < nold ? k - nfresh : nold;

		shuffle(fresh, nfresh, r);
		memcpy(pick, fresh, nfresh * sizeof(*pick));
		/* old[0] is the record that ended the round: not first. */
		if (nfresh == 0 && nold > 1) {
			size_t j = 1 + (size_t)rng_below(r, nold - 1);

			t = old[0];
			old[0] = old[j];
			old[j] = t;
			choose(old + 1, nold - 1, more - 1, r);
		} else
			choose(old, nold, more, r);
		memcpy(pick + nfresh, old, more * sizeof(*pick));
		for (i = 0; i < s->nlines; i++)
			if (s->lines[i].idlen > 0 && strmap_get(&input,
			    s->text.p + s->lines[i].idoff, s->lines[i].idlen))
				s->lines[i].drop = 1;
		add_ids(s, sp, old, more);
		n = nfresh + more;
	}
	strmap_free(&input);
	free(fresh);
	free(old);
	return n;
}

void
state_text(const struct state *s, struct buf *text)
{
	size_t i;

	for (i = 0; i < s->nlines; i++) {
		if (s->lines[i].drop)
			continue;
		buf_add(text, s->text.p + s->lines[i].off, s->lines[i].len);
		buf_addc(text, '\n');
	}
	buf_add(text, s->added.p, s->added.len);
}

int
state_commit(struct state *s)
{
	struct buf text = { 0 };
	int rc;

	state_text(s, &text);
	rc = keep_replace(&s->file, text.p, text.len);
	buf_free(&text);
	return rc;
}

void
state_close(struct state *s)
{
	keep_close(&s->file);
	buf_free(&s->text);
	buf_free(&s->added);
	free(s->lines);
	strmap_free(&s->ids);
	memset(s, 0, sizeof(*s));
	s->file.fd = -1;
}
