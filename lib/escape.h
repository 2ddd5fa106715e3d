/*
 * Escaping raw text for the formats qb-fmt writes, so that any text reads
 * back as it was: JSON strings (RFC 8259), CSV fields (RFC 4180), Markdown
 * (CommonMark) and the tab-separated fields of TSV and Anki.  Each
 * appends to a buffer.
 */
#ifndef QB_ESCAPE_H
#define QB_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/* A JSON string, quotes included. */
void	esc_json(struct buf *, const char *text, size_t len);
/*
 * A CSV field, quoted when it holds a comma, quote, CR or LF.  With guard,
 * a field starting with = + - @ TAB or CR gets a leading ' so that a
 * spreadsheet does not run it as a formula.
 */
void	esc_csv(struct buf *, const char *text, size_t len, int guard);
/*
 * Markdown inline text: punctuation that could start markup is escaped
 * with backslashes; each newline becomes a hard line break followed by
 * indent spaces, so the text stays inside its list item.
 */
void	esc_markdown(struct buf *, const char *text, size_t len, int indent);
/*
 * A TSV or Anki field: quoted like CSV when it holds a tab, CR, LF or
 * quote, or, when it is the first of its line, starts with '#' (which
 * Anki's reader would take for a comment or a header line).
 */
void	esc_tsv(struct buf *, const char *text, size_t len, int first);

#endif
