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

#endif
