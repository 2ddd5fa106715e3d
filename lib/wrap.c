/*
 * A hanging indent is wrapped as a narrower text, since the first line's
 * prefix is as wide as the indent; the indent is added on output.
 */
#include <string.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "wrap.h"

int
wrap_width(const char *text, size_t len)
{
	return u8_width((const uint8_t *)text, len, "UTF-8");
}

static void
emit_line(struct wrap *w, const char *lead, size_t leadlen, const char *p,
    size_t len)
{
	while (len > 0 && p[len - 1] == ' ')
		len--;
	buf_reset(&w->line);
	if (len == 0) {
		/* An empty paragraph: no indent either, so no trailing space. */
		while (leadlen > 0 && lead[leadlen - 1] == ' ')
			leadlen--;
	}
	buf_add(&w->line, lead, leadlen);
	buf_add(&w->line, p, len);
	w->emit(w->ctx, w->line.p, w->line.len);
}

/* Display width of p[0..n), and of its trailing spaces in *spaces. */
static int
piece_width(const char *p, size_t n, int *spaces)
{
	int width = 0, trailing = 0;
	size_t i = 0;

	while (i < n) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)p + i, n - i), cw;

		cw = uc_width(c, "UTF-8");
		if (cw < 0)
			cw = 0;
		width += cw;
		trailing = c == ' ' ? trailing + cw : 0;
		i += (size_t)(len > 0 ? len : 1);
	}
	*spaces = trailing;
	return width - trailing;
}

/*
 * Greedy filling between the break opportunities that UAX #14 allows
 * (u8_possible_linebreaks), measuring a line without its trailing spaces.
 * (u8_width_linebreaks counts the space after a line's last word, and so
 * breaks one word early.)
 */
static void
wrap_paragraph(struct wrap *w, const char *lead, size_t leadlen, int indent,
    const char *p, size_t len, int *first)
{
	const char *indent_str = "                                ";
	int avail = w->width - indent, line = 0, pending = 0;
	size_t start = 0, piece = 0, i;
	char *brk;

	if (w->width <= 0 || len == 0) {
		emit_line(w, *first ? lead : indent_str, *first ? leadlen :
		    (size_t)indent, p, len);
		*first = 0;
		return;
	}
	buf_reset(&w->breaks);
	buf_reserve(&w->breaks, len);
	brk = w->breaks.p;
	u8_possible_linebreaks((const uint8_t *)p, len, "UTF-8", brk);
	for (i = 1; i <= len; i++) {
		int core, spaces;

		if (i < len && brk[i] != UC_BREAK_POSSIBLE)
			continue;
		core = piece_width(p + piece, i - piece, &spaces);
		if (piece > start && line + pending + core > avail) {
			emit_line(w, *first ? lead : indent_str, *first ?
			    leadlen : (size_t)indent, p + start, piece - start);
			*first = 0;
			start = piece;
			line = pending = 0;
		}
		line += pending + core;
		pending = spaces;
		piece = i;
	}
	emit_line(w, *first ? lead : indent_str, *first ? leadlen :
	    (size_t)indent, p + start, len - start);
	*first = 0;
}

void
wrap_text(struct wrap *w, const char *first, const char *text, size_t len)
{
	size_t leadlen = strlen(first);
	int indent = wrap_width(first, leadlen), is_first = 1;
	const char *end;
	size_t i;

	/*
	 * Tabs have no width of their own here: they become spaces.  The
	 * Unicode line and paragraph separators end lines like newlines.
	 */
	buf_reset(&w->text);
	buf_reserve(&w->text, len);
	for (i = 0; i < len; i++) {
		if (text[i] == '\t')
			buf_addc(&w->text, ' ');
		else if (text[i] == '\xe2' && i + 2 < len &&
		    text[i + 1] == '\x80' &&
		    (text[i + 2] == '\xa8' || text[i + 2] == '\xa9')) {
			buf_addc(&w->text, '\n');
			i += 2;
		} else
			buf_addc(&w->text, text[i]);
	}
	text = w->text.p;
	end = text + w->text.len;
	if (indent > 32)
		indent = 32;	/* the longest run of spaces we hand out */
	for (;;) {
		const char *nl = memchr(text, '\n', (size_t)(end - text));
		const char *stop = nl != NULL ? nl : end;

		wrap_paragraph(w, first, leadlen, indent, text,
		    (size_t)(stop - text), &is_first);
		if (nl == NULL)
			break;
		text = nl + 1;
	}
}

void
wrap_free(struct wrap *w)
{
	buf_free(&w->text);
	buf_free(&w->line);
	buf_free(&w->breaks);
}
