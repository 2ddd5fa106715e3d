/*
 * Lists of 1-based positions as cut(1) takes them: "3", "5-7", "9-",
 * comma-separated.
 */
#ifndef QB_RANGE_H
#define QB_RANGE_H

#include <stddef.h>
#include <stdint.h>

#define RANGE_OPEN UINT64_MAX

struct range {
	uint64_t	lo;
	uint64_t	hi;	/* RANGE_OPEN: to the end */
};

/* Appends the ranges of list to *v; -1 when the list is malformed. */
int	range_parse(const char *list, struct range **v, size_t *n);
/* Is position p in any of the ranges? */
int	range_contains(const struct range *, size_t n, uint64_t p);

#endif
