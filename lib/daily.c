/*
 * Cycle c's arrangement is a Fisher-Yates shuffle of 0..n-1 by the
 * generator of rng.h seeded with FNV-1a(seed) + c.  When it would start
 * with the record that ended cycle c-1, its first two places are swapped.
 * That never moves a last place when n >= 3, so each cycle depends only on
 * itself and the one before.  With two records the only arrangement that
 * never repeats is the same pair every cycle: cycle 0's.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "daily.h"
#include "diag.h"
#include "rng.h"

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int
digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

int
daily_parse_date(const char *s, struct date *d)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	d->year = digits(s, 4);
	d->month = digits(s + 5, 2);
	d->day = digits(s + 8, 2);
	if (d->year < 1 || d->month < 1 || d->month > 12 || d->day < 1 ||
	    d->day > month_days(d->year, d->month))
		return -1;
	return 0;
}

int
daily_parse_period(const char *s, enum period *p)
{
	if (strcmp(s, "day") == 0)
		*p = PERIOD_DAY;
	else if (strcmp(s, "week") == 0)
		*p = PERIOD_WEEK;
	else if (strcmp(s, "month") == 0)
		*p = PERIOD_MONTH;
	else if (strcmp(s, "weekday") == 0)
		*p = PERIOD_WEEKDAY;
	else
		return -1;
	return 0;
}

struct date
daily_today(void)
{
	time_t now = time(NULL);
	struct date d = { 1970, 1, 1 };
	struct tm tm;

	if (localtime_r(&now, &tm) != NULL) {
		d.year = tm.tm_year + 1900;
		d.month = tm.tm_mon + 1;
		d.day = tm.tm_mday;
	}
	return d;
}

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Howard Hinnant's days_from_civil. */
int64_t
daily_days(struct date d)
{
	int64_t y = d.year - (d.month <= 2);
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 +
	    d.day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/*
 * Days lived in the local time zone since 1970-01-01, counted noon to noon
 * so that daylight saving rounds away.  They are the calendar's days except
 * where a zone skipped a date (Pacific/Apia has no 2011-12-30): numbered by
 * the calendar, that day's record would drop out of its cycle.  When
 * mktime() cannot tell, the calendar's count.
 */
static int64_t
lived_days(struct date d)
{
	struct tm tm = { .tm_year = d.year - 1900, .tm_mon = d.month - 1,
	    .tm_mday = d.day, .tm_hour = 12, .tm_isdst = -1 };
	struct tm epoch = { .tm_year = 70, .tm_mday = 1, .tm_hour = 12,
	    .tm_isdst = -1 };
	time_t t = mktime(&tm), t0 = mktime(&epoch);

	if (t == (time_t)-1 || t0 == (time_t)-1)
		return daily_days(d);
	return floor_div((int64_t)t - (int64_t)t0 + 43200, 86400);
}

int64_t
daily_period_number(struct date d, enum period p)
{
	switch (p) {
	case PERIOD_WEEK:
		/* 1970-01-01 was a Thursday: day 0 + 3 is its Sunday. */
		return floor_div(daily_days(d) + 3, 7);
	case PERIOD_MONTH:
		return (int64_t)(d.year - 1970) * 12 + d.month - 1;
	case PERIOD_WEEKDAY: {
		/* Five a week; Saturday and Sunday stay with Friday. */
		int64_t w = floor_div(daily_days(d) + 3, 7);
		int64_t dow = daily_days(d) + 3 - 7 * w;	/* 0: Monday */

		return 5 * w + (dow < 5 ? dow : 4);
	}
	case PERIOD_DAY:
	default:
		return lived_days(d);
	}
}

/* Howard Hinnant's civil_from_days. */
struct date
daily_from_days(int64_t z)
{
	int64_t era, doe, yoe, doy, mp;
	struct date d;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

#define WHEN_MAX	3650000

/* "+N", "-N", with a unit or none; 0 or -1. */
static int
parse_offset(const char *s, struct when *w)
{
	int64_t v = 0, sign;
	const char *p = s + 1;

	if (*s == '\0')
		return 0;
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s == '-' ? -1 : 1;
	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (*p++ - '0');
		if (v > WHEN_MAX)
			return -1;
	}
	if (*p == '\0' || strcmp(p, "day") == 0 || strcmp(p, "days") == 0)
		w->days += sign * v;
	else if (strcmp(p, "period") == 0 || strcmp(p, "periods") == 0)
		w->periods += sign * v;
	else
		return -1;
	return 0;
}

int
daily_parse_when(const char *s, struct when *w)
{
	static const struct {
		const char	*name;
		int		 days;
	} words[] = { { "today", 0 }, { "yesterday", -1 }, { "tomorrow", 1 } };
	char date[11];
	size_t i, n;

	memset(w, 0, sizeof(*w));
	if (*s == '\0')
		return -1;
	if (strlen(s) >= 10) {
		memcpy(date, s, 10);
		date[10] = '\0';
		if (daily_parse_date(date, &w->base) == 0) {
			w->based = 1;
			return parse_offset(s + 10, w);
		}
	}
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = strlen(words[i].name);
		if (strncmp(s, words[i].name, n) == 0) {
			w->days = words[i].days;
			return parse_offset(s + n, w);
		}
	}
	return parse_offset(s, w);
}

int
daily_when_period(const struct when *w, struct date today, enum period per,
    int64_t *p)
{
	static const struct date first = { 1, 1, 1 }, last = { 9999, 12, 31 };
	int64_t d = daily_days(w->based ? w->base : today) + w->days;

	if (d < daily_days(first) || d > daily_days(last))
		return -1;
	*p = daily_period_number(daily_from_days(d), per) + w->periods;
	return 0;
}

/*
 * Fisher-Yates settles place pos at step pos (step 1 for place 0): later
 * steps only touch places below.  So the value there is found by going
 * back from that step to the first, in the order the draws were made in
 * reverse, with no arrangement in memory: the draws for steps n-1 down to
 * lo, d[i - lo] for step i, and where the value came from before each.
 */
static void
draws(uint32_t *d, size_t n, size_t lo, const char *seed, int64_t cycle)
{
	struct rng r;
	size_t i;

	rng_seed(&r, rng_hash(seed, strlen(seed)) + (uint64_t)cycle);
	for (i = n - 1; i >= lo; i--)
		d[i - lo] = (uint32_t)rng_below(&r, i + 1);
}

static size_t
trace(const uint32_t *d, size_t n, size_t lo, size_t pos)
{
	size_t i, x = pos;

	for (i = pos > lo ? pos : lo; i < n; i++) {
		if (x == i)
			x = d[i - lo];
		else if (x == d[i - lo])
			x = i;
	}
	return x;
}

size_t
daily_index(size_t n, const char *seed, int64_t p)
{
	int64_t cycle = floor_div(p, (int64_t)n);
	size_t pos = (size_t)(p - cycle * (int64_t)n), pick, lo;
	uint32_t *d;

	if (n == 1)
		return 0;
	if (n > UINT32_MAX)
		diag_fatal("too many records");
	/* Places 0 and 1 both need every step, down to step 1. */
	lo = pos > 1 ? pos : 1;
	d = xreallocarray(NULL, n - lo, sizeof(*d));
	draws(d, n, lo, seed, n == 2 ? 0 : cycle);
	pick = trace(d, n, lo, pos);
	if (n >= 3 && pos <= 1) {
		size_t first = trace(d, n, lo, 0), second = trace(d, n, lo, 1);

		/* The last place of cycle c-1 is its first draw. */
		draws(d, n, n - 1, seed, cycle - 1);
		if (d[0] == first)
			pick = pos == 0 ? second : first;
	}
	free(d);
	return pick;
}
