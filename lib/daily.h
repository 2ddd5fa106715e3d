/*
 * The question of the day without state: calendar arithmetic for days,
 * weeks, weekdays and months, dates relative to today, and the rule that
 * maps a period to one record so that every record comes once a cycle and
 * no cycle starts where the last ended.
 */
#ifndef QB_DAILY_H
#define QB_DAILY_H

#include <stddef.h>
#include <stdint.h>

enum period {
	PERIOD_DAY,
	PERIOD_WEEK,
	PERIOD_MONTH,
	PERIOD_WEEKDAY	/* Monday to Friday; a weekend is Friday's */
};

struct date {
	int	year;
	int	month;	/* 1-12 */
	int	day;	/* 1-31 */
};

/* 0, or -1 when s is not a real date written YYYY-MM-DD (years 1-9999). */
int		daily_parse_date(const char *s, struct date *);
/*
 * A date as qb-pick --date takes it: [BASE][+N|-N[UNIT]], BASE YYYY-MM-DD,
 * today (the default), yesterday or tomorrow, UNIT day(s) (the default)
 * or period(s): "-1period" is the period before today's.
 */
struct when {
	struct date	 base;
	int		 based;		/* 0: today */
	int64_t		 days;
	int64_t		 periods;
};

/* 0, or -1 when s is not a date as above (|N| at most 3650000). */
int		daily_parse_when(const char *s, struct when *);
/*
 * The period number of the date, today being today; 0, or -1 when the
 * day falls outside years 1 to 9999.
 */
int		daily_when_period(const struct when *, struct date today,
		    enum period, int64_t *p);
/* The date of day number d (the inverse of daily_days). */
struct date	daily_from_days(int64_t d);
/* 0, or -1 when s is not day, week, month or weekday. */
int		daily_parse_period(const char *s, enum period *);
/* Today in local time (TZ is honoured). */
struct date	daily_today(void);
/* Days since 1970-01-01, which is day 0. */
int64_t		daily_days(struct date);
/*
 * The number of the period holding the date: days from 1970-01-01, weeks
 * (Monday to Sunday) from the week holding 1970-01-01, months from
 * January 1970, weekdays (Monday to Friday, Saturday and Sunday counting
 * as the Friday before) from the Monday before 1970-01-01.
 */
int64_t		daily_period_number(struct date, enum period);
/*
 * Which of n records, sorted by id, is the pick of period p for the seed:
 * cycle c = floor(p / n) is a shuffle of all n, position p mod n in it.
 */
size_t		daily_index(size_t n, const char *seed, int64_t p);

#endif
