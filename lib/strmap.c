/*
 * Open addressing with linear probing, at most half full.  Slots hold
 * indexes rather than pointers, so growing the entry array is safe.
 * Keys come from input (ids, tags, state files), so the hash is the
 * keyed one: with a fixed hash, crafted ids that share a slot make every
 * insertion walk all the others, and a bank takes quadratic time.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "strmap.h"

unsigned long long strmap_probes;

static uint64_t
hash(const char *p, size_t n)
{
	return hash_keyed(p, n);
}

static size_t
find_slot(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->nslots - 1, i;

	for (i = h & mask; m->slots[i] != 0; i = (i + 1) & mask) {
		const struct strmap_entry *e = &m->v[m->slots[i] - 1];

		strmap_probes++;
		if (e->hash == h && e->len == len &&
		    memcmp(m->keys.p + e->off, key, len) == 0)
			break;
	}
	return i;
}

static void
grow(struct strmap *m)
{
	size_t i;

	m->nslots = m->nslots == 0 ? 64 : m->nslots * 2;
	free(m->slots);
	m->slots = xcalloc(m->nslots, sizeof(*m->slots));
	for (i = 0; i < m->n; i++) {
		size_t mask = m->nslots - 1, s = m->v[i].hash & mask;

		while (m->slots[s] != 0)
			s = (s + 1) & mask;
		m->slots[s] = i + 1;
	}
}

struct strmap_entry *
strmap_get(const struct strmap *m, const char *key, size_t len)
{
	size_t s;

	if (m->n == 0)
		return NULL;
	s = find_slot(m, key, len, hash(key, len));
	return m->slots[s] == 0 ? NULL : &m->v[m->slots[s] - 1];
}

struct strmap_entry *
strmap_put(struct strmap *m, const char *key, size_t len, int *added)
{
	uint64_t h = hash(key, len);
	struct strmap_entry *e;
	size_t s;

	if (2 * (m->n + 1) > m->nslots)
		grow(m);
	s = find_slot(m, key, len, h);
	if (m->slots[s] != 0) {
		if (added != NULL)
			*added = 0;
		return &m->v[m->slots[s] - 1];
	}
	if (m->n == m->cap) {
		m->cap = m->cap == 0 ? 64 : m->cap * 2;
		m->v = xreallocarray(m->v, m->cap, sizeof(*m->v));
	}
	e = &m->v[m->n];
	e->off = m->keys.len;
	e->len = len;
	e->hash = h;
	e->value = 0;
	buf_add(&m->keys, key, len);
	m->slots[s] = ++m->n;
	if (added != NULL)
		*added = 1;
	return e;
}

const char *
strmap_key(const struct strmap *m, const struct strmap_entry *e)
{
	return m->keys.p + e->off;
}

void
strmap_free(struct strmap *m)
{
	free(m->v);
	free(m->slots);
	buf_free(&m->keys);
	memset(m, 0, sizeof(*m));
}

/* Levenshtein distance, stopping early once it exceeds max. */
static size_t
distance(const char *a, size_t la, const char *b, size_t lb, size_t max)
{
	size_t *row, i, j, d;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	row = xmalloc((lb + 1) * sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0], low;

		row[0] = low = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
			if (best < low)
				low = best;
		}
		if (low > max) {
			free(row);
			return max + 1;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

const struct strmap_entry *
strmap_closest(const struct strmap *m, const char *key, size_t len)
{
	const struct strmap_entry *best = NULL;
	size_t max = len / 3 > 2 ? len / 3 : 2, bestd = max + 1, i;

	for (i = 0; i < m->n; i++) {
		const struct strmap_entry *e = &m->v[i];
		size_t d = distance(key, len, strmap_key(m, e), e->len, max);

		if (d < bestd || (d == bestd && best != NULL &&
		    e->value > best->value)) {
			best = e;
			bestd = d;
		}
	}
	return best;
}
