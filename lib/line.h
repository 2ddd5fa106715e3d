/*
 * The line reader: big read()s into one grow-only buffer, lines found with
 * memchr and handed out as views into it.  It owns the file's framing: a
 * UTF-8 byte-order mark, CR before LF, and a last line without LF.
 */
#ifndef QB_LINE_H
#define QB_LINE_H

#include <stddef.h>
#include <sys/types.h>

#include "span.h"

struct reader {
	const char	*name;		/* as messages show it */
	unsigned long	 lineno;	/* of the line last returned */
	int		 fd;		/* -1 when reading from memory */
	int		 ownfd;		/* reader_open() opened fd: close it */
	int		 eof;
	char		*buf;		/* grow-only, reused from file to file */
	size_t		 cap;
	const char	*data;		/* buf, or the memory being read */
	size_t		 start;		/* first byte not yet handed out */
	size_t		 end;		/* one past the last byte read */
	size_t		 scanned;	/* bytes after start known to hold no LF */
	off_t		 origin;	/* file offset of data[0], or -1 */
	off_t		 limit;		/* no byte read from here on, or -1 */
	int		 positional;	/* pread() at origin + end: the
					   descriptor's offset is another's */
	int		 midfile;	/* line 1 is not the file's first:
					   no byte-order mark to skip */
	/* The structural index of data (scan_blocks()), for split lines. */
	struct scan_block *ix;
	size_t		 ix_off;	/* offset in data of ix[0]'s bytes */
	size_t		 ix_len;	/* bytes indexed from there; 0: none */
};

/*
 * A reader starts zeroed: struct reader r = { 0 }.  "-" is standard input.
 * On failure returns -1 with errno set.
 */
int	reader_open(struct reader *, const char *path);
/*
 * Reads an open descriptor, which stays the caller's: reader_close()
 * closes only what reader_open() opened, whatever its number.
 */
void	reader_open_fd(struct reader *, const char *name, int fd);
void	reader_open_mem(struct reader *, const char *name,
	    const char *p, size_t len);
/*
 * The bytes [from, to) of a regular file (to -1: up to its end), read
 * with pread(), so that another reader may read the same descriptor;
 * lineno counts from from.
 */
void	reader_open_range(struct reader *, const char *name, int fd,
	    off_t from, off_t to);
/*
 * Reading a regular file stops at the offset at, a line start: the lines
 * before it come and then the end of input, at which reader_at_limit()
 * is 1; reader_go_on() lifts the limit and reading goes on from there.
 */
void	reader_stop_at(struct reader *, off_t at);
int	reader_at_limit(const struct reader *);
void	reader_go_on(struct reader *);
/*
 * Reading a regular file goes on from the offset at, a line start, which
 * is line lineno + 1, with no limit: -1 when the file cannot seek there.
 */
int	reader_restart_at(struct reader *, off_t at, unsigned long lineno);
/* Where the bytes read so far end in the file, or -1. */
off_t	reader_read_end(const struct reader *);
/* 1: a line is in *l; 0: end of input; -1: read error, errno set. */
int	reader_next(struct reader *, struct span *l);
/*
 * reader_next(), with the line's TABs and special bytes found in the same
 * pass (scan_blocks()); f->ntab is SCAN_UNSPLIT when the line was not
 * scanned so (it did not fit in the buffer at first sight).
 */
struct scan_fields;
int	reader_next_split(struct reader *, struct span *l,
	    struct scan_fields *f);
void	reader_close(struct reader *);
/*
 * The file offset of a byte of the last line, when the input is a file
 * one can seek in (so its bytes may be copied by offset); -1 otherwise.
 */
off_t	reader_offset(const struct reader *, const char *p);
/* Did the last line end in a plain LF (no CR, not cut off by EOF)? */
int	reader_line_lf(const struct reader *, const struct span *);
/* Frees the buffer; the reader may be opened again afterwards. */
void	reader_free(struct reader *);

#endif
