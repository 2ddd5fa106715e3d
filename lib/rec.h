/*
 * Records of the question file format, qb(5): parsing one line into a view
 * of its fields, and writing the canonical form.  Text fields stay escaped
 * as in the file (the canonical escaping is the input's, once validated);
 * rec_text() unescapes one when a command needs the text itself.
 */
#ifndef QB_REC_H
#define QB_REC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "span.h"

#define REC_ID_MAX	64
#define REC_TAG_MAX	64

enum rec_kind {
	REC_RECORD,
	REC_BLANK,
	REC_COMMENT,
	REC_INVALID
};

enum rec_err {
	REC_OK,
	REC_ENUL,		/* a NUL byte */
	REC_EUTF8,		/* invalid UTF-8 */
	REC_ECTRL,		/* a control character (C0, DEL, C1) */
	REC_EFIELDS,		/* not 1, 3 or 4 fields */
	REC_EIDLEN,		/* id longer than REC_ID_MAX */
	REC_EIDCHAR,		/* a byte outside the id alphabet */
	REC_ETAGEMPTY,		/* ",," or a trailing comma */
	REC_ETAGLEN,		/* tag longer than REC_TAG_MAX */
	REC_ETAGSPACE,		/* whitespace inside a tag */
	REC_EQEMPTY,		/* no question */
	REC_EESCAPE,		/* backslash and anything but \ t n */
	REC_EBACKSLASH		/* a backslash ending a field */
};

/*
 * The fields of a record, in file order.  Everything that names or lists
 * fields (messages, qb-grep --field, template letters, JSON keys, the CSV
 * header) derives from rec_fields[], so a field is added here once.
 */
enum rec_field {
	REC_FIELD_ID,
	REC_FIELD_TAGS,
	REC_FIELD_QUESTION,
	REC_FIELD_ANSWER,
	REC_NFIELDS
};

struct rec_field_info {
	const char	*name;		/* "question" */
	char		 letter;	/* in templates: %q */
	int		 list;		/* a comma-joined list (tags) */
	int		 escaped;	/* escaped text: rec_text() reads it */
};

extern const struct rec_field_info rec_fields[REC_NFIELDS];

struct tagref {
	uint32_t	 off;
	uint32_t	 len;
};

struct rec {
	/* The record, valid until the next rec_parse(). */
	struct span	 id;		/* given, or derived from the question */
	struct span	 tags;		/* lowercased, deduplicated, comma-joined */
	struct span	 question;	/* escaped as in the file */
	struct span	 answer;	/* escaped; empty when there is none */
	int		 bare;		/* the line was a bare question: text
					   taken literally, no escapes */

	/* What was wrong, when rec_parse() returned REC_INVALID. */
	enum rec_err	 err;
	enum rec_field	 errfield;
	size_t		 errcol;	/* 1-based byte column in the line */
	unsigned	 errarg;	/* the byte, code point or field count */

	/* Storage reused from record to record. */
	char		 idbuf[16];
	struct buf	 tagbuf;
	struct buf	 textbuf;	/* a bare question with '\\' escaped */
	struct tagref	*refs;
	size_t		 refcap;
	uint32_t	*slots;
	size_t		 slotcap;
	size_t		 slotmask;
};

/* A rec starts zeroed: struct rec r = { 0 }. */
enum rec_kind	rec_parse(struct rec *, const char *line, size_t len);
/* The same, given the line's scan_fields() (ntab SCAN_UNSPLIT: none). */
struct scan_fields;
enum rec_kind	rec_parse_split(struct rec *, const char *line, size_t len,
		    struct scan_fields *);
void		rec_free(struct rec *);
/*
 * Why a comment line looks like a mistake (a question that starts with
 * '#', a record commented out), or NULL; for qb-list --check.
 */
const char	*rec_comment_suspect(const char *line, size_t len);
/* The message for a REC_INVALID line, without file and line number. */
void		rec_errmsg(const struct rec *, char *msg, size_t size);

/* The canonical line, LF included, to checked output or to a buffer. */
void		rec_write(const struct rec *);
void		rec_format(const struct rec *, struct buf *);
/*
 * Do the fields stand one after another, TAB-separated, in the line they
 * came from, so that the bytes from id to answer are the canonical line?
 */
int		rec_is_canonical(const struct rec *);

/* The unescaped text of a field: the field itself when it has no '\'. */
struct span	rec_text(struct span escaped, struct buf *scratch);
/* Appends the escaped form of raw text (the inverse of rec_text). */
void		rec_escape(struct buf *, const char *raw, size_t len);
/*
 * Takes the next tag off a comma-joined list (the record's tags, say):
 * 1 with the tag in *tag and the list shortened, 0 when it is empty.
 */
int		rec_tag_next(struct span *list, struct span *tag);
/* 1 when the record's tags include the given (lowercase) tag. */
int		rec_has_tag(const struct rec *, const char *tag, size_t len);
/* FNV-1a 64 of the unescaped text of an escaped field. */
uint64_t	rec_text_hash(struct span escaped);
/*
 * The id qb(5) derives from a question's hash (rec_text_hash()): 'q' and
 * the hash's first 12 hex digits, written to id with a NUL; returns 13.
 */
#define REC_DERIVED_LEN	13
size_t		rec_derived_id(uint64_t text_hash, char *id);
/*
 * The fields named in a comma-separated list (id, tags, question, answer,
 * or all) as a mask of 1 << REC_FIELD_*; -1 when a name is unknown.
 */
int		rec_field_mask(const char *list);
/* Appends the field names joined by sep: "id, tags, question, answer". */
void		rec_field_list(struct buf *, const char *sep);
/* Is this a valid (given, not empty) id? */
int		rec_id_valid(const char *p, size_t len);
/* A field's escaped text by number. */
struct span	rec_field(const struct rec *, enum rec_field);
/* A field's text by number, unescaped when the field is escaped. */
struct span	rec_field_text(const struct rec *, enum rec_field,
		    struct buf *scratch);
/* Normalizes a comma-separated tag list as rec_parse() does. */
enum rec_err	rec_tag_list(struct rec *, const char *p, size_t len);
/* The same, when the avail >= len bytes at p may be read: saves a copy. */
enum rec_err	rec_tag_list_in(struct rec *, const char *p, size_t len,
		    size_t avail);

#endif
