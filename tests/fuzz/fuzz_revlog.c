/*
 * qb-drill's parsers: a review log line, --at's ISO 8601 times and
 * --grade's ID:G.  A line that parses has a valid id and a grade 1 to 4,
 * and its time written back reads as the same time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drill.h"
#include "fuzz.h"
#include "rec.h"
#include "revlog.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = malloc(size + 1), when[REVLOG_TIME_SIZE], msg[128];
	const char *id;
	size_t idlen;
	int64_t t, t2;
	int g;

	memcpy(s, data, size);
	s[size] = '\0';
	if (revlog_parse_line(s, size, &t, &id, &idlen, &g, msg,
	    sizeof(msg)) == 0) {
		if (g < 1 || g > 4 || !rec_id_valid(id, idlen))
			abort();
		revlog_format_time(t, when);
		if (memcmp(when, s, 20) != 0)
			abort();
	}
	if (revlog_parse_time(s, &t) == 0 && strlen(s) >= 20 &&
	    s[19] == 'Z' && s[20] == '\0') {
		revlog_format_time(t, when);
		if (revlog_parse_time(when, &t2) != 0 || t2 != t)
			abort();
	}
	if (drill_grade_parse(s, &idlen, &g) == 0 &&
	    (g < 1 || g > 4 || !rec_id_valid(s, idlen) || s[idlen] != ':'))
		abort();
	free(s);
	return 0;
}
