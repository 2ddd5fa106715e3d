/*
 * The escapers behind qb-fmt, on the text of every record the parser
 * accepts: JSON, CSV (with and without the formula guard) and TSV must
 * decode back to the same text (checked here by small decoders of their
 * own), a TSV field Anki could take for a comment is quoted,
 * quoted-printable lines stay within 76 octets, and wrapped lines never
 * end in a space.  The escapers that read a field as the record holds it,
 * escaped, give the same bytes as the plain ones on its text.
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "fuzz.h"
#include "line.h"
#include "mail.h"
#include "rec.h"
#include "wrap.h"

static struct buf out, back;

static void
put_utf8(struct buf *b, unsigned cp)
{
	if (cp < 0x80)
		buf_addc(b, (char)cp);
	else if (cp < 0x800) {
		buf_addc(b, (char)(0xc0 | cp >> 6));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else {
		buf_addc(b, (char)(0xe0 | cp >> 12));
		buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	}
}

/* Decodes one JSON string of ours; aborts on anything RFC 8259 refuses. */
static void
json_decode(const char *p, size_t n, struct buf *b)
{
	size_t i;

	if (n < 2 || p[0] != '"' || p[n - 1] != '"')
		abort();
	for (i = 1; i < n - 1; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c < 0x20 || c == '"')
			abort();
		if (c != '\\') {
			buf_addc(b, (char)c);
			continue;
		}
		c = (unsigned char)p[++i];
		if (c == 'u') {
			char hex[5] = { 0 };

			memcpy(hex, p + i + 1, 4);
			put_utf8(b, (unsigned)strtoul(hex, NULL, 16));
			i += 4;
		} else if (c == 'n' || c == 't' || c == '"' || c == '\\')
			buf_addc(b, c == 'n' ? '\n' : c == 't' ? '\t' : (char)c);
		else
			abort();
	}
}

static void
sv_decode(const char *p, size_t n, struct buf *b, char sep)
{
	size_t i;

	if (n == 0 || p[0] != '"') {
		if (memchr(p, sep, n) || memchr(p, '"', n) ||
		    memchr(p, '\n', n) || memchr(p, '\r', n))
			abort();
		buf_add(b, p, n);
		return;
	}
	if (n < 2 || p[n - 1] != '"')
		abort();
	for (i = 1; i < n - 1; i++) {
		if (p[i] == '"' && p[++i] != '"')
			abort();
		buf_addc(b, p[i]);
	}
}

/* Encodes with esc and checks that the field decodes to prefix + text. */
static void
check_sv(struct span t, char sep, int flag, const char *prefix)
{
	size_t plen = strlen(prefix);

	buf_reset(&out);
	buf_reset(&back);
	if (sep == ',')
		esc_csv(&out, t.p, t.len, flag);
	else
		esc_tsv(&out, t.p, t.len, flag);
	sv_decode(out.p, out.len, &back, sep);
	if (back.len != plen + t.len || memcmp(back.p, prefix, plen) != 0 ||
	    memcmp(back.p + plen, t.p, t.len) != 0)
		abort();
	/* Anki skips an unquoted line that starts with '#'. */
	if (sep == '\t' && flag && out.len > 0 && out.p[0] == '#')
		abort();
}

static void
check_line(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	if (len > 0 && line[len - 1] == ' ')
		abort();
	buf_reset(&back);
	mail_qp_line(&back, line, len);
	for (const char *p = back.p, *end = back.p + back.len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (nl - p > 76)
			abort();
		p = nl + 1;
	}
}

static void
check_text(struct span t)
{
	struct wrap w = { .width = 17, .emit = check_line };

	buf_reset(&out);
	buf_reset(&back);
	esc_json(&out, t.p, t.len);
	json_decode(out.p, out.len, &back);
	if (back.len != t.len || memcmp(back.p, t.p, t.len) != 0)
		abort();
	check_sv(t, ',', 0, "");
	check_sv(t, ',', 1, t.len > 0 && t.p[0] != '\0' &&
	    strchr("=+-@\t\r", t.p[0]) != NULL ? "'" : "");
	check_sv(t, '\t', 0, "");
	check_sv(t, '\t', 1, "");
	buf_reset(&out);
	esc_markdown(&out, t.p, t.len, 3);
	wrap_text(&w, "12. ", t.p, t.len);
	wrap_free(&w);
}

static struct buf plain, direct;

/* The escaped-text escapers against the plain ones on rec_text(). */
static void
check_escaped(struct span e, struct span t)
{
	int flag;

	buf_reset(&plain);
	buf_reset(&direct);
	esc_json(&plain, t.p, t.len);
	esc_json_qb(&direct, e.p, e.len);
	for (flag = 0; flag < 2; flag++) {
		esc_csv(&plain, t.p, t.len, flag);
		esc_csv_qb(&direct, e.p, e.len, flag);
		esc_tsv(&plain, t.p, t.len, flag);
		esc_tsv_qb(&direct, e.p, e.len, flag);
	}
	if (plain.len != direct.len || memcmp(plain.p, direct.p, plain.len) != 0)
		abort();
}

/* A tag list is the array of its tags' strings. */
static void
check_list(struct span list)
{
	struct span tag;

	buf_reset(&plain);
	buf_reset(&direct);
	esc_json_list(&direct, list.p, list.len);
	buf_addc(&plain, '[');
	while (rec_tag_next(&list, &tag)) {
		esc_json(&plain, tag.p, tag.len);
		if (list.len > 0)
			buf_addc(&plain, ',');
	}
	buf_addc(&plain, ']');
	if (plain.len != direct.len || memcmp(plain.p, direct.p, plain.len) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct reader rd;
	static struct rec r;
	static struct buf scratch;
	struct span l;

	reader_open_mem(&rd, "fuzz", (const char *)data, size);
	while (reader_next(&rd, &l) == 1) {
		if (rec_parse(&r, l.p, l.len) != REC_RECORD)
			continue;
		check_text(rec_text(r.question, &scratch));
		check_escaped(r.question, rec_text(r.question, &scratch));
		check_text(rec_text(r.answer, &scratch));
		check_escaped(r.answer, rec_text(r.answer, &scratch));
		check_list(r.tags);
	}
	return 0;
}
