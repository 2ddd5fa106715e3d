/*
 * The record parser on one line: it never crashes, and a record's
 * canonical form parses back to the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "rec.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct rec r, again;
	static struct buf once, twice;
	char msg[256];

	if (rec_parse(&r, (const char *)data, size) != REC_RECORD) {
		if (r.err != REC_OK)
			rec_errmsg(&r, msg, sizeof(msg));
		return 0;
	}
	buf_reset(&once);
	rec_format(&r, &once);
	if (rec_parse(&again, once.p, once.len - 1) != REC_RECORD)
		abort();
	buf_reset(&twice);
	rec_format(&again, &twice);
	if (once.len != twice.len || memcmp(once.p, twice.p, once.len) != 0)
		abort();
	return 0;
}
