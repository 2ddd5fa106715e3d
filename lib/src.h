/*
 * The records of a command's input, one after another, across all its
 * FILE operands (or stdin, or the default bank).  Unreadable files and
 * malformed lines are reported here and skipped; the loop goes on.
 */
#ifndef QB_SRC_H
#define QB_SRC_H

#include <stddef.h>

#include "idset.h"
#include "import.h"
#include "line.h"
#include "rec.h"
#include "strmap.h"

/*
 * Ids are keys: a record whose id was seen before is reported with both
 * locations and skipped, like a malformed line.  Remembering ids costs
 * memory (a 12-byte slot an id, lib/idset.h), so a streaming command remembers
 * the first SRC_IDS_MAX distinct ids (a table of 768 KiB), then stops
 * checking; src_all_ids() lifts the bound for commands that hold
 * every id anyway.
 */
#define SRC_IDS_MAX	49152

enum src_default {
	SRC_STDIN,	/* no FILE: read standard input */
	SRC_BANK	/* no FILE: standard input when it has data, else
			   QB_PATH, else the built-in bank (qb-list(1)) */
};

/* Commands use the functions below, not the fields. */
struct src {
	struct reader	 rd;		/* rd.name and rd.lineno locate rec */
	struct rec	 rec;
	struct span	 line;		/* rec's line as read */
	int		 lenient;	/* --check: bad lines are findings, not
					   trouble, and suspect comments too */
	char		**paths;	/* files still to read */
	size_t		 npaths;
	size_t		 next;		/* index into paths or bank_builtin */
	int		 builtin;
	int		 open;
	unsigned long	 nopened;	/* inputs opened so far */
	char		**expanded;	/* QB_PATH's expansion, to free */
	struct idset	 ids;		/* the ids read, and where */
	int		 idsfull;	/* ids.max reached: no more checks */

	/* Other formats, and directories among the FILEs (qb-list). */
	int		 from;		/* a format (IMPORT_QB unless set), or
					   -1: by the file name's extension */
	int		 sniff;		/* say when qb(5) looks like another */
	int		 dirs;		/* a directory FILE gives its files */
	unsigned long	 lineno;	/* where the record returned starts */
	int		 fmt;		/* of the file open */
	struct import	 imp;
	char		**dir;		/* a directory operand's files */
	size_t		 ndir, dirnext;
	int		 sniffed;	/* lines of the open file looked at */
	int		 silent;	/* stdin was an open pipe with no data */
	unsigned long	 file_recs;	/* records of the import open */

	/* src_count(): the rest of a big file counted by another thread. */
	const struct src_counter *counter;
	struct src_split *split;
	int		 split_later;	/* an import's: once ids are checked */
	int		 split_read;	/* another thread read part of it */
	unsigned long	 counted_ahead;	/* by threads that have ended */
	struct src_split *ahead;	/* in counter->ahead() */
};

/* A record another thread read, as src_counter's took() has it. */
struct src_took {
	struct span	 id;
	unsigned long	 lineno;	/* where it is in its file */
	off_t		 off;		/* its line, LF included, in the
					   file; or -1, and then: */
	struct span	 line;		/* its canonical line, LF included */
	int		 parse;		/* the line at off is not canonical */
};

/*
 * How src_count() counts: the records keep(src, ctx) returns 1 for (keep
 * NULL: every record).  keep may print, through out.h.  In another thread,
 * keep runs with ctx_new(ctx) as its context (freed by ctx_free(); NULL
 * from ctx_new: not now, no other thread), or with ctx itself when there
 * is no ctx_new (keep is safe in two threads); src_lineno() counts there
 * from where the thread's part of the file begins, and what keep prints
 * comes out in order, messages with their right line numbers.
 */
struct src_counter {
	int		(*keep)(struct src *, void *ctx);
	void		*ctx;
	void		*(*ctx_new)(void *ctx);
	void		(*ctx_free)(void *ctx);
	/*
	 * When keep holds output back in ctx: write it, through out.h.  Called
	 * in the other thread at the end of each part it reads, and in this
	 * one before the other's output comes.
	 */
	void		(*flush)(void *ctx);
	/*
	 * keep makes its output (it prints no lines as they stand): a qb(5)
	 * file is read in rounds, as an import is, once its ids are checked,
	 * for that output to wait in memory rather than in a spool file.
	 */
	int		 rounds;
	/*
	 * Or: another thread counts every record of its part, then this
	 * one is given them, in order, as n records called ahead(src, n, ctx)
	 * where keep would have seen them; src_ahead_rec() reads one.
	 */
	void		(*ahead)(struct src *, unsigned long n, void *ctx);
	/*
	 * Or: another thread passes each record of its part on to this
	 * one, in order among its messages, as took(src, t, ctx) where keep
	 * would have seen it.
	 */
	void		(*took)(struct src *, const struct src_took *t,
			    void *ctx);
	/*
	 * The percentage of a split file this thread reads (0: 50): less
	 * when it has more to do besides, such as copying the other's output.
	 */
	unsigned	 share;
	/*
	 * keep prints nothing (it counts): the other thread, once done
	 * with its part, may read the end of this one's too.
	 */
	int		 quiet;
};

void		 src_init(struct src *, int nfiles, char **files,
		    enum src_default);
/*
 * With SRC_BANK and no FILE, is standard input what to read?  Yes when
 * it is a regular file with bytes left, or a pipe, FIFO or socket that
 * has data within SRC_STDIN_WAIT ms; no for a terminal, /dev/null and
 * other devices, an empty file, a pipe at its end (cron's), and a pipe
 * that stays silent (ssh, CI runners: then *silent is set).
 */
#define SRC_STDIN_WAIT	500
int		 src_stdin_has_data(int fd, int wait_ms, int *silent);
/* The next good record, or NULL when all input is read. */
struct rec	*src_next(struct src *);
/*
 * Reads all input as src_next() does, with its messages in the same order,
 * and returns the number of records c keeps.  A big regular qb(5) file is
 * read in two parts at once when there are two CPUs: the second part by
 * another thread, whose output and messages wait for this one's
 * (lib/split.c); a CSV, TSV or JSON Lines file in turns, once its ids are
 * checked (an ahead() counter reads imports alone).  QB_THREADS=1 reads
 * with one thread; QB_SPLIT_MIN (bytes,
 * for tests) sets how big a file is split, SRC_SPLIT_MIN unless set.
 */
#define SRC_SPLIT_MIN	(16ul << 20)
unsigned long	 src_count(struct src *, const struct src_counter *c);
/*
 * In ahead(): the record of index i (from 0) of the n, read again; fastest
 * in increasing i, at most a few thousand lines read for each.
 */
struct rec	*src_ahead_rec(struct src *, unsigned long i);
/*
 * Writes the record last returned in canonical form, as rec_write() does;
 * a line that is canonical already may be copied from its file unread.
 */
void		 src_write(struct src *);
/*
 * Where the record last returned is, canonical, LF included, in a regular
 * file: 1 with *at filled in (fd stays open until the next input; input
 * numbers the inputs from 1); 0 when the line is not canonical or its
 * input is not a regular file.
 */
struct src_at {
	int		 fd;
	unsigned long	 input;
	off_t		 off;
	size_t		 len;
};
int		 src_canonical_at(const struct src *, struct src_at *);
/*
 * Where the qb(5) line of the record last returned is, canonical or not,
 * in a regular file, as for src_canonical_at(); *at's len is the line's
 * as framed, LF included (not a CR before it).
 */
int		 src_line_at(const struct src *, struct src_at *);
/* Where the record src_next() returned is: its file as messages show it. */
const char	*src_name(const struct src *);
unsigned long	 src_lineno(const struct src *);
/*
 * qb-list --check: malformed lines and duplicate ids are findings, not
 * trouble (they raise the status to 1, not 2), and suspect comments are
 * reported as findings too, and so is a qb(5) file that looks like
 * another format.
 */
void		 src_set_lenient(struct src *);
/*
 * qb-list: files are read in their format (from, an enum import_format,
 * or -1: by the file name's extension) and a directory FILE gives its
 * files, as in QB_PATH.
 */
void		 src_read_formats(struct src *, int from);
/* Remember every id, not only the first SRC_IDS_MAX. */
void		 src_all_ids(struct src *);
void		 src_free(struct src *);

#endif
