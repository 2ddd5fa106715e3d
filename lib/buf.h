/*
 * Grow-only byte buffers, and allocation that ends the command on failure.
 * A buffer is reset, not freed, between records: no allocation per record.
 */
#ifndef QB_BUF_H
#define QB_BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

void	*xmalloc(size_t);
void	*xrealloc(void *, size_t);
/* An array of n elements of size bytes: n * size checked for overflow. */
void	*xreallocarray(void *, size_t n, size_t size);
void	*xcalloc(size_t, size_t);
char	*xstrdup(const char *);

void	 buf_reserve(struct buf *, size_t extra);
void	 buf_adds(struct buf *, const char *);
void	 buf_free(struct buf *);
/* The contents as a C string (a NUL is kept after the last byte). */
const char *buf_cstr(struct buf *);

static inline void
buf_reset(struct buf *b)
{
	b->len = 0;
}

/* Inline: the renderers add a few bytes at a time, for every record. */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n >= b->cap - b->len)	/* keeps room for buf_cstr()'s NUL */
		buf_reserve(b, n);
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len + 1 >= b->cap)
		buf_reserve(b, 1);
	b->p[b->len++] = c;
}

#endif
