/*
 * The whole input path on a buffer: line reader, parser and canonical
 * writer.  Every record's canonical line must parse back to itself, and
 * the lines must account for every byte of the input.
 */
#include <stdlib.h>
#include <string.h>

#include "line.h"
#include "rec.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct reader rd;
	static struct rec r, again;
	static struct buf once, twice;
	struct line l;
	size_t bytes = 0;

	reader_open_mem(&rd, "fuzz", (const char *)data, size);
	while (line_next(&rd, &l) == 1) {
		if (l.p < (const char *)data || l.p + l.len > (const char *)data + size)
			abort();
		bytes += l.len;
		if (rec_parse(&r, l.p, l.len) != REC_RECORD)
			continue;
		buf_reset(&once);
		rec_format(&r, &once);
		if (rec_parse(&again, once.p, once.len - 1) != REC_RECORD)
			abort();
		buf_reset(&twice);
		rec_format(&again, &twice);
		if (once.len != twice.len || memcmp(once.p, twice.p, once.len))
			abort();
	}
	if (bytes > size)
		abort();
	return 0;
}
