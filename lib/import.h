/*
 * Reading question lists kept in other formats (qb-list --from): CSV, TSV
 * and Anki's text export, JSON and JSON Lines, Markdown.  Each reader
 * turns what it reads into canonical qb(5) lines; these are parsed like
 * any other, so the rest of qb never sees the foreign format.
 */
#ifndef QB_IMPORT_H
#define QB_IMPORT_H

#include <stddef.h>

#include "buf.h"
#include "line.h"
#include "rec.h"
#include "strmap.h"

enum import_format {
	IMPORT_QB,
	IMPORT_CSV,
	IMPORT_TSV,
	IMPORT_JSON,
	IMPORT_JSONL,
	IMPORT_MARKDOWN
};

struct import_line {
	unsigned long	 line;		/* where the record starts */
	size_t		 end;		/* where its LF is in the queue */
	size_t		 tab[3];	/* its TABs, from the line's start */
	unsigned	 special;	/* as in struct scan_fields */
};

struct import {
	const char	*name;		/* the file, as messages show it */
	enum import_format fmt;
	struct reader	*rd;
	int		 lenient;	/* bad input is not trouble (--check) */
	unsigned long	 nbad;		/* malformed records and rows */
	unsigned long	 lineno;	/* where the record last returned starts */

	/*
	 * Records made but not handed out: canonical lines, with what making
	 * them found out (where their TABs are, which fields need checks),
	 * so that rec_parse need not scan them again.
	 */
	struct buf	 queue;
	size_t		 qpos;
	struct import_line *q;
	size_t		 qn, qnext, qcap;

	/*
	 * While import_next() calls a reader: the caller's record, which
	 * import_emit_fields() may fill in place of queueing a line (then
	 * taken is set, and the reader must return: see import_full()).
	 */
	struct rec	*r;
	int		 taken;
	int		 stop;		/* the reader must return now */
	char		 idbuf[48];	/* the id derived for it */
	size_t		 tags_avail;	/* bytes that may be read at the tags
					   import_emit_fields() is given, when
					   more than theirs; else 0 */
	struct buf	 esc[2];	/* its question and answer escaped */
	struct buf	 tagtmp;	/* tags split, for the queue */

	/* The record being made, raw (unescaped) text. */
	struct buf	 id, tags, question, answer;
	struct strmap	 derived;	/* derived ids made so far */
	int		 done;		/* the reader has nothing more */
	void		*state;		/* the format's own */

	/*
	 * The later part of a file, read by another thread (lib/split.c):
	 * a record that depends on the ones before it (an id derived
	 * against those derived before, the first unknown key of a file)
	 * is not made; reading ends before it, at back_off (its first
	 * line's offset) and back_line, for the thread that read the part
	 * before to go on from there.
	 */
	int		 ahead;
	off_t		 soft_end;	/* ahead, reading also ends before the
					   first record from here on; or -1 */
	off_t		 row_off;	/* of the record being read (ahead) */
	off_t		 back_off;
	unsigned long	 back_line;	/* 0: read to the end */
	/*
	 * The reader stopped at its limit (reader_stop_at()) inside a
	 * record, and reading went on past it (CSV's multi-line quoted
	 * fields): the other thread's guess of where it began was wrong.
	 */
	int		 crossed;
};

/* The format a --from name means (anki, md, ndjson included), or -1. */
int		 import_format_byname(const char *);
/* The format a file name's extension suggests; IMPORT_QB when none. */
enum import_format import_format_guess(const char *path);
const char	*import_format_name(enum import_format);
/* Does the file name end with an extension of the format? */
int		 import_format_ext(enum import_format, const char *name);

/*
 * A directory's files of the format (by extension; *.qb for qb), in byte
 * order of their names: a NULL-terminated array, freed by bank_path_free.
 */
char		**import_dir(const char *dir, enum import_format, size_t *n);

/* Starts reading an open reader in a format other than IMPORT_QB. */
void		 import_open(struct import *, enum import_format,
		    struct reader *);
/* 1: the next record is in *r; 0: the file is done. */
int		 import_next(struct import *, struct rec *r);
void		 import_close(struct import *);
void		 import_free(struct import *);

/*
 * Reading a file in two parts (lib/split.c).  Where a record surely
 * starts at or after off, a line start, in the file that imp reads (of
 * size bytes): -1 when the format cannot be read from the middle, or
 * none was found near.  CSV and TSV rows may span lines: the line starts
 * after off are tried as row starts and as lines inside a quoted field
 * until both readings meet at the same row.
 */
off_t		 import_record_start(const struct import *, int fd, off_t off,
		    off_t size);
/*
 * Sets up imp, just opened (import_open()) on a later part of the file
 * that from reads, to read it as from would: the header's columns, the
 * separator.  It is then ahead (above).
 */
void		 import_continue(struct import *, const struct import *from);
/* After the end at a reader's limit: reading goes on (reader_go_on()). */
void		 import_go_on(struct import *);
/* Ahead: ends reading before the record starting at line (above). */
void		 import_stop_before(struct import *, unsigned long line);
/* Ahead: the record about to be read starts at off, line: 1 to end there. */
int		 import_ends_at(struct import *, off_t off, unsigned long line);

/*
 * What a qb(5) line that does not parse looks like, when its first lines
 * are another format's: the format, or -1.  For --check's hint.
 */
int		 import_sniff(const char *line, size_t len, unsigned long lineno);

/* For the readers (lib/import_*.c). */
struct import_reader {
	/* Makes one or more records (import_emit); 0 when there are no more. */
	int	(*fill)(struct import *);
	void	(*close)(struct import *);
	/* For import_record_start() and import_continue(); or NULL. */
	off_t	(*record_start)(const struct import *, int fd, off_t off,
		    off_t size);
	void	(*cont)(struct import *, const struct import *from);
};
extern const struct import_reader import_csv, import_tsv, import_json,
		    import_jsonl, import_markdown;

/* Queues the record in imp's id, tags, question and answer buffers. */
void		 import_emit(struct import *, unsigned long line);
/*
 * The same from views of the fields wherever they are (the reader's line,
 * say): id, tags (as written: split on commas and white space), question
 * and answer, raw or (escaped) in qb(5)'s escapes.  hints says what the
 * reader already knows of a text field, to save looking again: the
 * IMPORT_HINT()s of the fields or'ed.  A valid record is handed out as it
 * stands, its fields left where they are, when nothing is queued before
 * it: the views must stay valid until the reader is called again, so the
 * reader returns as soon as import_full() says so.
 */
void		 import_emit_fields(struct import *, unsigned long line,
		    const struct span f[REC_NFIELDS], int escaped,
		    unsigned hints);
#define IMPORT_PLAIN	1u	/* valid as it is: UTF-8 without controls,
				   escaped right (raw: no backslash) */
#define IMPORT_NOESC	2u	/* raw text without a backslash, TAB or LF */
#define IMPORT_CLEAN	4u	/* raw text, valid UTF-8 without a control
				   other than TAB and LF */
#define IMPORT_HINT(field, h)	((unsigned)(h) << 4 * (field))
#define IMPORT_HINTS(hints, field)	((hints) >> 4 * (field) & 0xfu)
/*
 * The next line, as reader_next() has it (1, 0 or -1), and what the
 * reader's structural pass found in it, to save looking again: *kind is
 * IMPORT_LINE_CLEAN when the line is valid UTF-8 without a control other
 * than TAB, with IMPORT_LINE_NOCTRL when there is no TAB either, and
 * IMPORT_LINE_PLAIN when there is no backslash besides; 0 when it may
 * have anything.
 */
int		 import_line(struct import *, struct span *l, unsigned *kind);
#define IMPORT_LINE_CLEAN	1u
#define IMPORT_LINE_NOCTRL	2u
#define IMPORT_LINE_PLAIN	4u
/*
 * 1 (the default): readers take their fast paths.  0: import_line() says
 * nothing of a line and readers take their careful paths only, so that
 * the fuzz targets can check that both make the same records.
 */
extern int	 import_fast;
/*
 * Has the reader made enough for now (a batch, or a record handed out)?
 * A batch of records at a time keeps the queue's cost low.  Inline: it
 * is asked once a record.
 */
#define IMPORT_BATCH	256
static inline int
import_full(const struct import *imp)
{
	return imp->stop || imp->qn >= IMPORT_BATCH;
}
/* Reports "FILE:LINE: message" as bad input. */
void		 import_error(struct import *, unsigned long line,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/* Clears the record's buffers for the next one. */
void		 import_clear(struct import *);
/* Appends a tag list split on commas and white space, comma-joined. */
void		 import_add_tags(struct import *, const char *p, size_t len);
void		 import_add_category(struct import *, const char *p,
		    size_t len);
int		 import_category(const char *p, size_t len);
/*
 * A name as a tag: lowercased, its runs of other characters a dash, at
 * most REC_TAG_MAX bytes cut at a word's end, into out (REC_TAG_MAX + 1
 * bytes); "" when it has no word.
 */
void		 import_slug(char *out, const char *p, size_t len);
/* The field a column name means (synonyms included: front, back...), or -1. */
int		 import_column(const char *p, size_t len);
/* Are the sep-separated fields of a line all column names (two or more)? */
int		 import_sniff_header(const char *p, size_t len, char sep);
/* Reads the whole file into b, lines joined by LF; 0, or -1 on error. */
int		 import_slurp(struct import *, struct buf *b);

#endif
