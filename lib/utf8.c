/*
 * The ranges are those of RFC 3629's syntax; the second byte's range is
 * what excludes overlong forms, surrogates and code points past U+10FFFF.
 */
#include <string.h>

#include "utf8.h"

size_t
utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t len, i;
	uint32_t v;

	if (c < 0x80) {
		len = 1;
		v = c;
	} else if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		unsigned char b = p[i];

		if (b < lo || b > hi)
			return 0;
		lo = 0x80;
		hi = 0xbf;
		v = (v << 6) | (b & 0x3f);
	}
	if (cp != NULL)
		*cp = v;
	return len;
}

int
utf8_printable(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i, len;
	uint32_t cp;

	for (i = 0; i < n; i += len)
		if ((len = utf8_decode(u + i, n - i, &cp)) == 0 ||
		    utf8_is_control(cp))
			return 0;
	return 1;
}

size_t
utf8_check(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		size_t len;

		/* Skip ASCII eight bytes at a time. */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i == n)
			break;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = utf8_decode(p + i, n - i, NULL)) == 0)
			return i;
		i += len;
	}
	return n;
}

int
utf8_is_ascii(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] >= 0x80)
			return 0;
	return 1;
}
