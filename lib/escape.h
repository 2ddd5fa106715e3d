/*
 * Escaping raw text for the formats qb-fmt writes, so that any text shows
 * literally: JSON strings (RFC 8259), CSV fields (RFC 4180), Markdown
 * (CommonMark) and Anki's tab-separated fields.  Each appends to a buffer.
 */
#ifndef QB_ESCAPE_H
#define QB_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/* A JSON string, quotes included. */
void	esc_json(struct buf *, const char *text, size_t len);
/* A CSV field, quoted when it holds a comma, quote, CR or LF. */
void	esc_csv(struct buf *, const char *text, size_t len);
/*
 * Markdown inline text: punctuation that could start markup is escaped
 * with backslashes; each newline becomes a hard line break followed by
 * indent spaces, so the text stays inside its list item.
 */
void	esc_markdown(struct buf *, const char *text, size_t len, int indent);
/* An Anki field: quoted like CSV when it holds a tab, newline or quote. */
void	esc_anki(struct buf *, const char *text, size_t len);

#endif
