/*
 * The lists are kept in the canonical form of a record's tag list, so a
 * list given as "SQL, db" matches the tags "sql" and "db" of a record.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "tagsel.h"

static void
note_wanted(struct tagsel *t, struct span list)
{
	struct span tag;
	int added;

	while (rec_tag_next(&list, &tag)) {
		strmap_put(&t->wanted, tag.p, tag.len, &added);
		t->unread += added != 0;
	}
}

int
tagsel_add(struct tagsel *t, int without, const char *list)
{
	struct rec scratch = { 0 };
	char ***v = without ? &t->without : &t->with;
	size_t *n = without ? &t->nwithout : &t->nwith;
	char *copy;

	if (rec_tag_list(&scratch, list, strlen(list)) != REC_OK ||
	    scratch.tags.len == 0) {
		rec_free(&scratch);
		return -1;
	}
	note_wanted(t, scratch.tags);
	copy = xmalloc(scratch.tags.len + 1);
	memcpy(copy, scratch.tags.p, scratch.tags.len);
	copy[scratch.tags.len] = '\0';
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = copy;
	rec_free(&scratch);
	return 0;
}

int
tagsel_active(const struct tagsel *t)
{
	return t->nwith + t->nwithout > 0;
}

/* Does the record carry at least one tag of the comma-joined list? */
static int
has_any_tag(const struct rec *r, const char *tags)
{
	struct span list = { tags, strlen(tags) }, tag;

	while (rec_tag_next(&list, &tag))
		if (rec_has_tag(r, tag.p, tag.len))
			return 1;
	return 0;
}

static void
note_read(struct tagsel *t, struct span tag)
{
	struct strmap_entry *e;

	if ((e = strmap_get(&t->wanted, tag.p, tag.len)) != NULL &&
	    e->value == 0) {
		e->value = 1;
		t->unread--;
	}
	if ((e = strmap_get(&t->read, tag.p, tag.len)) != NULL)
		e->value++;
	else if (t->read.n < TAGSEL_READ_MAX)
		strmap_put(&t->read, tag.p, tag.len, NULL)->value++;
}

int
tagsel_pass(struct tagsel *t, const struct rec *r)
{
	struct span list, tag;
	size_t i;

	if (!tagsel_active(t))
		return 1;
	list = r->tags;
	while (t->unread > 0 && rec_tag_next(&list, &tag))
		note_read(t, tag);
	for (i = 0; i < t->nwith; i++)
		if (!has_any_tag(r, t->with[i]))
			return 0;
	for (i = 0; i < t->nwithout; i++)
		if (has_any_tag(r, t->without[i]))
			return 0;
	return 1;
}

static void
hint(const struct tagsel *t, char *const *lists, size_t n)
{
	const struct strmap *read = &t->read;
	size_t i;

	for (i = 0; i < n; i++) {
		struct span list = { lists[i], strlen(lists[i]) }, tag;

		while (rec_tag_next(&list, &tag)) {
			const struct strmap_entry *near;

			if (strmap_get(&t->wanted, tag.p, tag.len)->value)
				continue;
			if ((near = strmap_closest(read, tag.p, tag.len)) != NULL)
				diag_info("no record read has the tag '%.*s'; "
				    "did you mean '%.*s'?", (int)tag.len, tag.p,
				    (int)near->len, strmap_key(read, near));
			else
				diag_info("no record read has the tag '%.*s'",
				    (int)tag.len, tag.p);
		}
	}
}

void
tagsel_hint(const struct tagsel *t)
{
	hint(t, t->with, t->nwith);
	hint(t, t->without, t->nwithout);
}

void
tagsel_free(struct tagsel *t)
{
	size_t i;

	for (i = 0; i < t->nwith; i++)
		free(t->with[i]);
	for (i = 0; i < t->nwithout; i++)
		free(t->without[i]);
	free(t->with);
	free(t->without);
	strmap_free(&t->read);
	strmap_free(&t->wanted);
	memset(t, 0, sizeof(*t));
}
