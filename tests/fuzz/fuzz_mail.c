/*
 * qb-fmt's mail address parser, on any input: what it accepts is written
 * as header lines within 78 octets (998 at worst, for a long address),
 * 7-bit, without a backslash, a control other than TAB, or a line that is
 * a lone ".".
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "mail.h"

static void
check(const struct buf *b)
{
	const char *p = b->p, *end = b->p + b->len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (nl == NULL || nl - p > 998 || (nl - p == 1 && *p == '.') ||
		    (nl - p >= 5 && memcmp(p, "From ", 5) == 0))
			abort();
		for (; p < nl; p++)
			if ((unsigned char)*p >= 0x80 || *p == '\\' ||
			    ((unsigned char)*p < 0x20 && *p != '\t'))
				abort();
		p = nl + 1;
	}
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct buf b;
	char *s = malloc(size + 1);
	struct mail_box *v = NULL;
	size_t n = 0;

	memcpy(s, data, size);
	s[size] = '\0';
	buf_reset(&b);
	if (mail_parse_list(s, &v, &n) == NULL) {
		if (n == 0)
			abort();
		for (size_t i = 0; i < n; i++)
			if (!mail_addr_ok(v[i].addr, strlen(v[i].addr)))
				abort();
		mail_address_header(&b, "Reply-To", v, n);
		check(&b);
	} else if (n != 0)
		abort();
	if (mail_header_ok(s)) {
		buf_reset(&b);
		mail_text_header(&b, "Subject", s);
		check(&b);
	}
	buf_reset(&b);
	mail_subject(&b, s, size, 66);
	buf_reset(&b);
	mail_qp_line(&b, s, size);
	check(&b);
	mail_boxes_free(v, n);
	free(v);
	free(s);
	return 0;
}
