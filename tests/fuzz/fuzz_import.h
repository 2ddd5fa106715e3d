/*
 * The body every reader's target shares (qb-list -f): whatever a reader
 * makes of a buffer must be a valid record whose canonical line parses
 * back to itself, and its fast paths must make what its careful paths do:
 * the same records, the same number of bad ones.  A target defines
 * FUZZ_IMPORT_FORMAT, then includes this.
 */
#include "fuzz.h"
#include "diag.h"
#include "import.h"

/* The records the reader makes of the buffer, canonical lines in out. */
static unsigned long
records(const unsigned char *data, size_t size, struct buf *out)
{
	static struct reader rd;
	static struct import imp;
	static struct rec r;

	imp.lenient = 1;
	buf_reset(out);
	reader_open_mem(&rd, "fuzz", (const char *)data, size);
	import_open(&imp, FUZZ_IMPORT_FORMAT, &rd);
	while (import_next(&imp, &r)) {
		check_round_trip(&r);
		rec_format(&r, out);
	}
	import_close(&imp);
	return imp.nbad;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct buf fast, careful;
	unsigned long nfast, ncareful;

	diag_init("fuzz");
	import_fast = 1;
	nfast = records(data, size, &fast);
	import_fast = 0;
	ncareful = records(data, size, &careful);
	import_fast = 1;
	if (nfast != ncareful || fast.len != careful.len ||
	    (fast.len > 0 && memcmp(fast.p, careful.p, fast.len) != 0))
		abort();
	return 0;
}
