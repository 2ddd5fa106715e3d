/*
 * qb-pick's option parsers: dates (relative ones too), periods and
 * position lists.  A date that parses gives period numbers and daily picks
 * in range.
 */
#include <stdlib.h>
#include <string.h>

#include "daily.h"
#include "fuzz.h"
#include "range.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = malloc(size + 1);
	struct range *v = NULL;
	size_t n = 0;
	struct date d;
	struct when w;
	enum period p;

	memcpy(s, data, size);
	s[size] = '\0';
	if (daily_parse_date(s, &d) == 0) {
		int64_t day = daily_days(d);
		size_t records = (size_t)(day & 15) + 1;

		if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
			abort();
		if (daily_period_number(d, PERIOD_WEEK) != (day + 3 -
		    (((day + 3) % 7 + 7) % 7)) / 7)
			abort();
		if (daily_index(records, s, daily_period_number(d,
		    PERIOD_MONTH)) >= records)
			abort();
	}
	if (daily_parse_when(s, &w) == 0) {
		struct date today = { 2026, 12, 1 };
		int64_t per;

		if (w.days > 3650000 || w.days < -3650001 ||
		    w.periods > 3650000 || w.periods < -3650000)
			abort();
		if (daily_when_period(&w, today, PERIOD_WEEKDAY, &per) == 0 &&
		    daily_index(7, s, per) >= 7)
			abort();
	}
	daily_parse_period(s, &p);
	if (range_parse(s, &v, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			if (v[i].lo == 0 || v[i].hi < v[i].lo)
				abort();
	}
	free(v);
	free(s);
	return 0;
}
