/*
 * The matcher behind qb-grep: the first line of the input is a pattern
 * (the flags are its first byte's low bits), the rest a field's escaped
 * text.  A pattern either compiles or has a message; --color's marked
 * output, with the SGR sequences taken out, is the field exactly as it
 * was (no text lost or doubled); every -o match is non-empty and found in
 * the field's text.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "match.h"
#include "out.h"
#include "utf8.h"

static FILE *sink;

/* What was written to fd 1 since the last call, as one buffer. */
static void
take_output(struct buf *b)
{
	char chunk[4096];
	size_t n;

	out_flush();
	buf_reset(b);
	rewind(sink);
	while ((n = fread(chunk, 1, sizeof(chunk), sink)) > 0)
		buf_add(b, chunk, n);
	if (ftruncate(fileno(sink), 0) != 0)
		abort();
	lseek(STDOUT_FILENO, 0, SEEK_SET);
}

static void
strip_sgr(struct buf *b)
{
	size_t i, j = 0;

	for (i = 0; i < b->len; i++) {
		if (b->p[i] == '\033') {
			while (i < b->len && b->p[i] != 'm')
				i++;
			continue;
		}
		b->p[j++] = b->p[i];
	}
	b->len = j;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct buf got, text;
	const char *nl = memchr(data, '\n', size);
	char pattern[256], err[512], *pats[1] = { pattern };
	struct matcher *m;
	struct span field;
	size_t plen;
	int flags;

	if (sink == NULL) {
		if ((sink = tmpfile()) == NULL ||
		    dup2(fileno(sink), STDOUT_FILENO) < 0)
			abort();
	}
	if (nl == NULL || size < 2)
		return 0;
	flags = data[0] & 0x0f;
	plen = (size_t)(nl - (const char *)data) - 1;
	if (plen >= sizeof(pattern) || memchr(data + 1, '\0', plen) != NULL)
		return 0;
	memcpy(pattern, data + 1, plen);
	pattern[plen] = '\0';
	field.p = nl + 1;
	field.len = size - plen - 2;
	/* Subjects are fields the record parser accepted: escaped UTF-8. */
	if (utf8_check(field.p, field.len) != field.len)
		return 0;
	for (plen = 0; plen < field.len; plen++) {
		unsigned char c = (unsigned char)field.p[plen];

		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return 0;
	}
	buf_reset(&text);
	rec_escape(&text, field.p, field.len);
	field.p = text.p;
	field.len = text.len;
	if ((m = matcher_new(pats, 1, flags, err, sizeof(err))) == NULL) {
		if (strncmp(err, "bad pattern '", 13) != 0)
			abort();
		return 0;
	}
	matcher_write_marked(m, field, 1, "01;31");
	take_output(&got);
	strip_sgr(&got);
	if (got.len != field.len ||
	    (got.len > 0 && memcmp(got.p, field.p, got.len) != 0))
		abort();
	matcher_write_matches(m, field, 1, NULL);
	take_output(&got);
	for (plen = 0; plen < got.len; plen++)
		if (got.p[plen] == '\n' && (plen == 0 || got.p[plen - 1] == '\n'))
			abort();	/* an empty match was written */
	matcher_free(m);
	return 0;
}
