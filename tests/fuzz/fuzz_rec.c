/*
 * The record parser on one line: it never crashes, every error has a
 * message, and a record's canonical form parses back to the same bytes.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct rec r;
	char msg[256];

	if (rec_parse(&r, (const char *)data, size) == REC_RECORD)
		check_round_trip(&r);
	else if (r.err != REC_OK) {
		rec_errmsg(&r, msg, sizeof(msg));
		if (msg[0] == '\0')
			abort();
	}
	return 0;
}
