/*
 * Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
 * The record parser validates every line once; later stages trust it.
 */
#ifndef QB_UTF8_H
#define QB_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Length of the valid sequence at p (at most n bytes), 0 when invalid.
 * The code point goes to *cp when cp is not NULL.
 */
size_t	utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);
/* Offset of the first invalid byte, or n when all of p is valid. */
size_t	utf8_check(const char *p, size_t n);

/*
 * The one definition of a control character qb refuses or defangs: C0,
 * DEL and C1 (some terminals take U+009B as CSI).  A byte below 0x80 is
 * its own code point.
 */
static inline int
utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/* 1 when p is valid UTF-8 and holds no control character. */
int	utf8_printable(const char *p, size_t n);
/* 1 when no byte of p is past ASCII. */
int	utf8_is_ascii(const char *p, size_t n);

#endif
