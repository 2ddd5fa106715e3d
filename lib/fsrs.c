/*
 * FSRS-6 as py-fsrs (open-spaced-repetition, fsrs/scheduler.py) does it,
 * with fuzz off: the formulas, learning steps and states of
 * ../shared/FSRS.md.  Elapsed time counts in whole days, rounded down, and
 * intervals round half to even, as Python's round() does; the unit tests
 * hold the reference implementation's vectors.
 */
#include <math.h>

#include "fsrs.h"

static const double w[21] = {
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
	1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
	1.8729, 0.5425, 0.0912, 0.0658, 0.1542
};

#define RETENTION	0.9
#define MAX_INTERVAL	36500
#define S_MIN		0.001

/* Learning steps 1 and 10 minutes; one relearning step of 10 minutes. */
static const int64_t learn_steps[] = { 60, 600 };
static const int64_t relearn_steps[] = { 600 };

/*
 * The constants the formulas derive from the weights, computed once: a
 * million-record fold spends its time in pow() and exp() otherwise.
 */
static struct {
	int	 ready;
	double	 decay;
	double	 factor;	/* so that R(S, S) = 0.9 */
	double	 rpow;		/* r^(1/decay) - 1, for I(S) */
	double	 d0_easy;	/* D0(4), the mean difficulty reverted to */
	double	 e8;		/* e^w8 */
	double	 lapse_cap;	/* e^(w17 * w18) */
} k;

static void
constants(void)
{
	if (k.ready)
		return;
	k.decay = -w[20];
	k.factor = pow(0.9, 1 / k.decay) - 1;
	k.rpow = pow(RETENTION, 1 / k.decay) - 1;
	k.d0_easy = w[4] - exp(w[5] * 3) + 1;
	k.e8 = exp(w[8]);
	k.lapse_cap = exp(w[17] * w[18]);
	k.ready = 1;
}

static double
clamp_d(double d)
{
	return d < 1 ? 1 : d > 10 ? 10 : d;
}

static double
clamp_s(double s)
{
	return s < S_MIN ? S_MIN : s;
}

static double
init_d(int g)
{
	return w[4] - exp(w[5] * (g - 1)) + 1;
}

static double
next_d(double d, int g)
{
	double dd = -w[6] * (g - 3);

	return clamp_d(w[7] * k.d0_easy +
	    (1 - w[7]) * (d + dd * (10 - d) / 9));
}

static double
next_s(double d, double s, double r, int g)
{
	double h, b;

	if (g == FSRS_AGAIN)
		return clamp_s(fmin(w[11] * pow(d, -w[12]) *
		    (pow(s + 1, w[13]) - 1) * exp(w[14] * (1 - r)),
		    s / k.lapse_cap));
	h = g == FSRS_HARD ? w[15] : 1;
	b = g == FSRS_EASY ? w[16] : 1;
	return clamp_s(s * (1 + k.e8 * (11 - d) * pow(s, -w[9]) *
	    (exp(w[10] * (1 - r)) - 1) * h * b));
}

/* Reviews less than a whole day apart. */
static double
short_term_s(double s, int g)
{
	double inc = exp(w[17] * (g - 3 + w[18])) * pow(s, -w[19]);

	if (g >= FSRS_GOOD && inc < 1)
		inc = 1;
	return clamp_s(s * inc);
}

/* Whole days from a to b, rounded down as Python's timedelta.days is. */
static int64_t
days_between(int64_t a, int64_t b)
{
	int64_t t = b - a;

	return t >= 0 ? t / FSRS_DAY : -((-t + FSRS_DAY - 1) / FSRS_DAY);
}

int
fsrs_interval(double s)
{
	double i;

	constants();
	/*
	 * Half to even, as Python's round(); and in py-fsrs's order of
	 * operations, since the last bit can decide a tie.
	 */
	i = nearbyint(s / k.factor * k.rpow);
	if (i < 1)
		i = 1;
	if (i > MAX_INTERVAL)
		i = MAX_INTERVAL;
	return (int)i;
}

void
fsrs_init(struct fsrs_card *c)
{
	c->state = FSRS_NEW;
	c->step = 0;
	c->s = c->d = 0;
	c->last = c->due = 0;
	c->reps = c->lapses = 0;
}

double
fsrs_retrievability(const struct fsrs_card *c, int64_t t)
{
	int64_t days;

	if (c->state == FSRS_NEW)
		return 0;
	days = days_between(c->last, t);
	if (days < 0)
		days = 0;
	constants();
	return pow(1 + k.factor * (double)days / c->s, k.decay);
}

/*
 * The step machine shared by learning and relearning: Again back to the
 * first step, Hard stays (the first step's interval being the mean of the
 * first two, or 1.5 times a single one), Good to the next step and past
 * the last into review, Easy straight to review.  Returns the interval in
 * seconds.
 */
static int64_t
steps(struct fsrs_card *c, int g, const int64_t *st, int n)
{
	if (c->step >= n && g != FSRS_AGAIN)
		g = FSRS_EASY;
	switch (g) {
	case FSRS_AGAIN:
		c->step = 0;
		return st[0];
	case FSRS_HARD:
		if (c->step == 0)
			return n == 1 ? st[0] * 3 / 2 : (st[0] + st[1]) / 2;
		return st[c->step];
	case FSRS_GOOD:
		if (c->step + 1 < n)
			return st[++c->step];
		break;
	}
	c->state = FSRS_REVIEW;
	c->step = 0;
	return (int64_t)fsrs_interval(c->s) * FSRS_DAY;
}

void
fsrs_review(struct fsrs_card *c, int g, int64_t t)
{
	int64_t days = days_between(c->last, t), ivl;

	constants();
	if (c->state == FSRS_NEW) {
		c->s = clamp_s(w[g - 1]);
		c->d = clamp_d(init_d(g));
		c->state = FSRS_LEARNING;
		c->step = 0;
	} else {
		if (days < 1)
			c->s = short_term_s(c->s, g);
		else
			c->s = next_s(c->d, c->s, fsrs_retrievability(c, t), g);
		c->d = next_d(c->d, g);
	}

	switch (c->state) {
	case FSRS_LEARNING:
		ivl = steps(c, g, learn_steps, 2);
		break;
	case FSRS_RELEARNING:
		ivl = steps(c, g, relearn_steps, 1);
		break;
	default:
		if (g == FSRS_AGAIN) {
			c->state = FSRS_RELEARNING;
			c->step = 0;
			c->lapses++;
			ivl = relearn_steps[0];
		} else
			ivl = (int64_t)fsrs_interval(c->s) * FSRS_DAY;
		break;
	}
	c->reps++;
	c->last = t;
	c->due = t + ivl;
}
