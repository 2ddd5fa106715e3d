/*
 * The body every reader's target shares (qb-list -f): whatever a reader
 * makes of a buffer must be a valid record whose canonical line parses
 * back to itself.  A target defines FUZZ_IMPORT_FORMAT, then includes this.
 */
#include "fuzz.h"
#include "diag.h"
#include "import.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct reader rd;
	static struct import imp;
	static struct rec r;

	diag_init("fuzz");
	imp.lenient = 1;
	reader_open_mem(&rd, "fuzz", (const char *)data, size);
	import_open(&imp, FUZZ_IMPORT_FORMAT, &rd);
	while (import_next(&imp, &r))
		check_round_trip(&r);
	import_close(&imp);
	return 0;
}
