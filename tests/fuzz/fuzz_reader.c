/*
 * The whole input path on a buffer: line reader, parser and canonical
 * writer.  Every record's canonical line must parse back to itself, and
 * the lines must lie within the input.  The one-pass reader and parser
 * (reader_next_split(), rec_parse_split()) must give the same lines and
 * the same verdicts as the two-pass ones, on every scanner (lib/scan.c).
 */
#include "fuzz.h"
#include "line.h"
#include "scan.h"

static const char *const impls[] = { "portable", "sse2", "avx2", "avx512" };

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct reader rd, rd2[4];
	static struct rec r, r2;
	const char *start = (const char *)data;
	struct scan_fields f;
	struct span l, l2;
	size_t k;

	reader_open_mem(&rd, "fuzz", start, size);
	for (k = 0; k < 4; k++)
		reader_open_mem(&rd2[k], "fuzz", start, size);
	while (reader_next(&rd, &l) == 1) {
		enum rec_kind kind;

		if (l.p < start || l.p + l.len > start + size)
			abort();
		scan_select("portable");
		kind = rec_parse(&r, l.p, l.len);
		for (k = 0; k < 4; k++) {
			if (scan_select(impls[k]) < 0)
				continue;
			if (reader_next_split(&rd2[k], &l2, &f) != 1 ||
			    l2.p != l.p || l2.len != l.len)
				abort();
			if (rec_parse_split(&r2, l2.p, l2.len, &f) != kind ||
			    r2.err != r.err || r2.errcol != r.errcol ||
			    r2.errarg != r.errarg)
				abort();
		}
		scan_select(NULL);
		if (kind == REC_RECORD)
			check_round_trip(&r);
	}
	for (k = 0; k < 4; k++)
		if (scan_select(impls[k]) == 0 &&
		    reader_next_split(&rd2[k], &l2, &f) != 0)
			abort();
	scan_select(NULL);
	return 0;
}
