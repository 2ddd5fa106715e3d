/*
 * JSON (an array of objects) and JSON Lines (one object a line), as
 * qb-fmt writes them and as other tools do: "tags" a list or a string,
 * optional keys missing, "answer" null.  Jansson parses each object; the
 * array around them is walked here, one element at a time, so that a
 * syntax error in one object loses that object only.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

struct js {
	struct buf	 text;		/* the whole file (json) */
	size_t		 pos;
	unsigned long	 line;		/* of text[pos] */
	int		 state;		/* 0 before '[', 1 in, 2 after ']' */
	int		 warned;	/* unknown keys reported once a file */
};

static const char *const keys[][6] = {
	[FIELD_ID] =		{ "id", "guid", "key", NULL },
	[FIELD_TAGS] =		{ "tags", "tag", "category", "topic", NULL },
	[FIELD_QUESTION] =	{ "question", "front", "prompt", "term",
				  NULL },
	[FIELD_ANSWER] =	{ "answer", "back", "response",
				  "definition", NULL },
};

static int
key_field(const char *key)
{
	int f, i;

	for (f = FIELD_ID; f <= FIELD_ANSWER; f++)
		for (i = 0; keys[f][i] != NULL; i++)
			if (strcmp(key, keys[f][i]) == 0)
				return f;
	return -1;
}

static int
add_tags(struct import *imp, json_t *v)
{
	size_t i;
	json_t *t;

	if (json_is_string(v)) {
		import_add_tags(imp, json_string_value(v), json_string_length(v));
		return 0;
	}
	if (!json_is_array(v))
		return -1;
	json_array_foreach(v, i, t) {
		if (!json_is_string(t))
			return -1;
		import_add_tags(imp, json_string_value(t),
		    json_string_length(t));
	}
	return 0;
}

/* One object to one record: 0, or -1 after reporting what was wrong. */
static void
object(struct import *imp, struct js *js, json_t *o, unsigned long line)
{
	const char *key;
	json_t *v;
	int question = 0;

	import_clear(imp);
	if (!json_is_object(o)) {
		import_error(imp, line, "not an object: a record is "
		    "{\"id\":..., \"tags\":[...], \"question\":..., "
		    "\"answer\":...}");
		return;
	}
	json_object_foreach(o, key, v) {
		int f = key_field(key);
		struct buf *to;

		switch (f) {
		case FIELD_TAGS:
			if (!json_is_null(v) && add_tags(imp, v) < 0) {
				import_error(imp, line, "\"%s\" is not a "
				    "list of strings", key);
				return;
			}
			continue;
		case FIELD_ID:
			to = &imp->id;
			break;
		case FIELD_QUESTION:
			to = &imp->question;
			question = 1;
			break;
		case FIELD_ANSWER:
			to = &imp->answer;
			break;
		default:
			if (!js->warned) {
				js->warned = 1;
				import_error(imp, line, "unknown key \"%.64s\", "
				    "not read: the keys are id, tags, question "
				    "and answer", key);
			}
			continue;
		}
		if (json_is_null(v))
			continue;
		if (json_is_integer(v) && f == FIELD_ID) {
			char n[32];

			snprintf(n, sizeof(n), "%lld",
			    (long long)json_integer_value(v));
			buf_adds(to, n);
		} else if (json_is_string(v))
			buf_add(to, json_string_value(v), json_string_length(v));
		else {
			import_error(imp, line, "\"%s\" is not a string", key);
			return;
		}
	}
	if (!question) {
		import_error(imp, line, "no \"question\"");
		return;
	}
	import_emit(imp, line);
}

static json_t *
parse(struct import *imp, const char *p, size_t len, size_t flags,
    unsigned long line, size_t *used)
{
	json_error_t err;
	json_t *o;

	if ((o = json_loadb(p, len, flags | JSON_ALLOW_NUL, &err)) == NULL) {
		import_error(imp, line + (unsigned long)err.line - 1,
		    "JSON: %s (column %d)", err.text, err.column);
		return NULL;
	}
	if (used != NULL)
		*used = (size_t)err.position;
	return o;
}

static int
jsonl_fill(struct import *imp)
{
	struct js *js = imp->state;
	struct line l;
	int n = 0, got;

	if (js == NULL)
		imp->state = js = xcalloc(1, sizeof(*js));
	while (n < 256 && (got = line_next(imp->rd, &l)) > 0) {
		json_t *o;
		size_t i = 0;

		while (i < l.len && (l.p[i] == ' ' || l.p[i] == '\t'))
			i++;
		if (i == l.len)
			continue;
		n++;
		if ((o = parse(imp, l.p, l.len, 0, imp->rd->lineno, NULL)) ==
		    NULL)
			continue;
		object(imp, js, o, imp->rd->lineno);
		json_decref(o);
	}
	return n > 0;
}

static void
skip_space(struct js *js)
{
	const char *p = js->text.p;

	while (js->pos < js->text.len && (p[js->pos] == ' ' ||
	    p[js->pos] == '\t' || p[js->pos] == '\n' || p[js->pos] == '\r')) {
		js->line += p[js->pos] == '\n';
		js->pos++;
	}
}

static void
advance(struct js *js, size_t n)
{
	const char *p = js->text.p + js->pos, *end = p + n;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		js->line++;
		p++;
	}
	js->pos += n;
}

/* After a broken element: on to the next line that starts an object, or
 * ends the array. */
static void
resync(struct js *js)
{
	for (;;) {
		const char *p = js->text.p + js->pos;
		const char *nl = memchr(p, '\n', js->text.len - js->pos);

		if (nl == NULL) {
			js->pos = js->text.len;
			return;
		}
		advance(js, (size_t)(nl - p) + 1);
		skip_space(js);
		if (js->pos < js->text.len && (js->text.p[js->pos] == '{' ||
		    js->text.p[js->pos] == ']'))
			return;
	}
}

static int
json_fill(struct import *imp)
{
	struct js *js = imp->state;
	const char *p;
	int n = 0;

	if (js == NULL) {
		imp->state = js = xcalloc(1, sizeof(*js));
		js->line = 1;
		if (import_slurp(imp, &js->text) < 0)
			import_error(imp, imp->rd->lineno + 1, "read error");
	}
	p = js->text.p;
	while (n < 256) {
		size_t used;
		json_t *o;

		skip_space(js);
		if (js->state == 0) {
			if (js->pos == js->text.len)
				return 0;	/* empty: no records */
			if (p[js->pos] != '[') {
				import_error(imp, js->line, "JSON: not an "
				    "array: the file is [{...}, {...}]");
				return 0;
			}
			js->pos++;
			js->state = 1;
			skip_space(js);
			if (js->pos < js->text.len && p[js->pos] == ']') {
				js->pos++;
				js->state = 2;
			}
			continue;
		}
		if (js->state == 2) {
			if (js->pos < js->text.len)
				import_error(imp, js->line, "JSON: text after "
				    "the closing ']'");
			js->pos = js->text.len;
			return n > 0;
		}
		if (js->pos == js->text.len) {
			import_error(imp, js->line, "JSON: the array is not "
			    "closed with ']'");
			js->state = 2;
			return n > 0;
		}
		if (p[js->pos] == ']') {	/* after a broken element */
			js->pos++;
			js->state = 2;
			continue;
		}
		n++;
		o = parse(imp, p + js->pos, js->text.len - js->pos,
		    JSON_DISABLE_EOF_CHECK, js->line, &used);
		if (o == NULL) {
			resync(js);
			continue;
		}
		object(imp, js, o, js->line);
		json_decref(o);
		advance(js, used);
		skip_space(js);
		if (js->pos < js->text.len && p[js->pos] == ',')
			js->pos++;
		else if (js->pos < js->text.len && p[js->pos] == ']') {
			js->pos++;
			js->state = 2;
		} else {
			import_error(imp, js->line, "JSON: expected ',' or ']' "
			    "after an element");
			resync(js);
		}
	}
	return 1;
}

static void
js_close(struct import *imp)
{
	struct js *js = imp->state;

	if (js == NULL)
		return;
	buf_free(&js->text);
	free(js);
}

const struct import_reader import_json = { json_fill, js_close };
const struct import_reader import_jsonl = { jsonl_fill, js_close };
