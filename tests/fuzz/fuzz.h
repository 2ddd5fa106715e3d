/*
 * What the fuzz targets share: the round-trip property of the canonical
 * form, checked on one parsed record.
 */
#ifndef QB_FUZZ_H
#define QB_FUZZ_H

#include <stdlib.h>
#include <string.h>

#include "rec.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* The canonical line of r parses back to a record with the same line. */
static inline void
check_round_trip(const struct rec *r)
{
	static struct rec again;
	static struct buf once, twice;

	buf_reset(&once);
	rec_format(r, &once);
	if (rec_parse(&again, once.p, once.len - 1) != REC_RECORD)
		abort();
	buf_reset(&twice);
	rec_format(&again, &twice);
	if (once.len != twice.len || memcmp(once.p, twice.p, once.len) != 0)
		abort();
}

#endif
