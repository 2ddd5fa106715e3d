/*
 * FSRS-6, the scheduler Anki uses, with its default weights: how a grade
 * changes a card's stability, difficulty, state and due time.  Pure
 * functions of the card and the review, no I/O and no randomness (no fuzz
 * on intervals), so a review log always folds to the same schedule.
 */
#ifndef QB_FSRS_H
#define QB_FSRS_H

#include <stdint.h>

#define FSRS_DAY	86400

enum fsrs_state {
	FSRS_NEW,		/* never reviewed */
	FSRS_LEARNING,		/* in the learning steps, 1 and 10 minutes */
	FSRS_REVIEW,		/* scheduled in whole days */
	FSRS_RELEARNING		/* forgotten, in the relearning step */
};

enum fsrs_grade {
	FSRS_AGAIN = 1,
	FSRS_HARD,
	FSRS_GOOD,
	FSRS_EASY
};

/* Times are seconds since the epoch (UTC). */
struct fsrs_card {
	enum fsrs_state	 state;
	int		 step;		/* learning or relearning step */
	double		 s;		/* stability, days */
	double		 d;		/* difficulty, 1 to 10 */
	int64_t		 last;		/* the last review */
	int64_t		 due;
	unsigned	 reps;
	unsigned	 lapses;	/* Again in review */
};

/* A new card: never reviewed, not due. */
void	fsrs_init(struct fsrs_card *);
/* Applies a review with grade 1 to 4 made at time t. */
void	fsrs_review(struct fsrs_card *, int grade, int64_t t);
/* The probability of recall at time t (0 for a new card). */
double	fsrs_retrievability(const struct fsrs_card *, int64_t t);
/* The interval in days that stability s gives: 1 to 36500. */
int	fsrs_interval(double s);

#endif
