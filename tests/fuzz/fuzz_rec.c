/*
 * The record parser on one line: it never crashes, every error has a
 * message, a record's canonical form parses back to the same bytes, and
 * the portable scanner (lib/scan.c) gives the same verdict as the vector
 * one, to the byte and column.
 */
#include "fuzz.h"
#include "scan.h"

static void
check_portable_agrees(enum rec_kind kind, const struct rec *r,
    const unsigned char *data, size_t size)
{
	static struct rec p;
	static struct buf want, got;
	enum rec_kind pkind;

	scan_select("portable");
	pkind = rec_parse(&p, (const char *)data, size);
	scan_select(NULL);
	if (pkind != kind || p.err != r->err || (kind == REC_INVALID &&
	    (p.errfield != r->errfield || p.errcol != r->errcol ||
	    p.errarg != r->errarg)))
		abort();
	if (kind != REC_RECORD)
		return;
	buf_reset(&want);
	buf_reset(&got);
	rec_format(r, &want);
	rec_format(&p, &got);
	if (want.len != got.len || memcmp(want.p, got.p, want.len) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct rec r;
	enum rec_kind kind;
	char msg[256];

	kind = rec_parse(&r, (const char *)data, size);
	check_portable_agrees(kind, &r, data, size);
	if (kind == REC_RECORD)
		check_round_trip(&r);
	else if (r.err != REC_OK) {
		rec_errmsg(&r, msg, sizeof(msg));
		if (msg[0] == '\0')
			abort();
	}
	return 0;
}
