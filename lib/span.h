/*
 * A view of bytes someone else owns, not NUL-terminated: a line in the
 * reader's buffer, a field of a record.
 */
#ifndef QB_SPAN_H
#define QB_SPAN_H

#include <stddef.h>

struct span {
	const char	*p;
	size_t		 len;
};

#endif
