/*
 * Word wrapping by display width, whatever the locale: wide characters
 * take two columns, combining marks none (libunistring's UAX #14 line
 * breaking and uc_width).  Lines are handed to a callback, so the same
 * wrapping serves the terminal, mail bodies and fortune files.
 */
#ifndef QB_WRAP_H
#define QB_WRAP_H

#include <stddef.h>

#include "buf.h"

typedef void wrap_emit(void *ctx, const char *line, size_t len);

struct wrap {
	int		 width;		/* 0: no wrapping */
	wrap_emit	*emit;
	void		*ctx;
	struct buf	 text;		/* storage reused between calls */
	struct buf	 line;
	struct buf	 breaks;
};

/*
 * Wraps raw text (newlines end paragraphs; tabs count as spaces).  The
 * first line starts with first (e.g. "1. "), the others with as many
 * spaces as first is wide (at most 32); no line has trailing spaces, and a
 * word wider than the width stands alone on its line.
 */
void	wrap_text(struct wrap *, const char *first, const char *text,
	    size_t len);
/* The display width of UTF-8 text. */
int	wrap_width(const char *text, size_t len);
void	wrap_free(struct wrap *);

#endif
