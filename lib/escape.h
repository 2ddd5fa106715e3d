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
 * The same for a text field as a record holds it, escaped as in qb(5) and
 * checked by rec_parse(): the bytes esc_json() gives for its rec_text(),
 * without unescaping first (\\ \t \n mean the same in JSON).
 */
void	esc_json_qb(struct buf *, const char *escaped, size_t len);
/* The characters of either string, without its quotes; qb: escaped. */
void	esc_json_chars(struct buf *, const char *text, size_t len, int qb);
/* A JSON array of the strings of a comma-joined list (a record's tags). */
void	esc_json_list(struct buf *, const char *list, size_t len);
/*
 * A CSV field, quoted when it holds a comma, quote, CR or LF.  With guard,
 * a field starting with = + - @ TAB or CR gets a leading ' so that a
 * spreadsheet does not run it as a formula.
 */
void	esc_csv(struct buf *, const char *text, size_t len, int guard);
/* esc_csv() of the rec_text() of an escaped field, in one pass. */
void	esc_csv_qb(struct buf *, const char *escaped, size_t len, int guard);
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
/* esc_tsv() of the rec_text() of an escaped field, in one pass. */
void	esc_tsv_qb(struct buf *, const char *escaped, size_t len, int first);

/*
 * The escapers find the bytes to escape with vector loops chosen as
 * lib/scan.c's are (QB_SIMD); this switches both, for the tests: -1 when
 * this CPU or build has no such implementation.
 */
int	esc_select(const char *name);
/* The loops in use: "portable", "sse2" or "avx2" (AVX-512 CPUs use AVX2's). */
const char *esc_impl(void);

#endif
