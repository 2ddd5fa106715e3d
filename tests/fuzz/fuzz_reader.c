/*
 * The whole input path on a buffer: line reader, parser and canonical
 * writer.  Every record's canonical line must parse back to itself, and
 * the lines must lie within the input.
 */
#include "fuzz.h"
#include "line.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct reader rd;
	static struct rec r;
	const char *start = (const char *)data;
	struct span l;

	reader_open_mem(&rd, "fuzz", start, size);
	while (reader_next(&rd, &l) == 1) {
		if (l.p < start || l.p + l.len > start + size)
			abort();
		if (rec_parse(&r, l.p, l.len) == REC_RECORD)
			check_round_trip(&r);
	}
	return 0;
}
