/*
 * For the import unit tests: a format's reader run over a string, giving
 * the canonical lines it makes and the messages it writes.
 */
#ifndef QB_IMPORT_HELPER_H
#define QB_IMPORT_HELPER_H

#include "unit.h"
#include "diag.h"
#include "import.h"

/* The canonical lines (free them); *err gets the messages (free them). */
static inline char *
import_text(enum import_format fmt, const char *text, char **err)
{
	static struct reader rd;
	struct import imp = { 0 };
	struct rec r = { 0 };
	struct buf out = { 0 };
	FILE *tmp;
	int saved;

	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	reader_open_mem(&rd, "t", text, strlen(text));
	import_open(&imp, fmt, &rd);
	while (import_next(&imp, &r))
		rec_format(&r, &out);
	import_close(&imp);
	import_free(&imp);
	rec_free(&r);
	*err = capture_end(2, saved, tmp);
	buf_cstr(&out);
	return out.p;
}

/* Checks the lines and messages made from text. */
#define assert_import(fmt, text, want, wanterr) do {			\
	char *err_, *got_ = import_text((fmt), (text), &err_);		\
									\
	assert_string_equal(got_, (want));				\
	assert_string_equal(err_, (wanterr));				\
	free(got_);							\
	free(err_);							\
} while (0)

#endif
