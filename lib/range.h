/*
 * Lists of 1-based positions as cut(1) takes them: "3", "5-7", "9-",
 * comma-separated; and the records kept for them, for qb-pick --index.
 */
#ifndef QB_RANGE_H
#define QB_RANGE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "rec.h"

#define RANGE_OPEN UINT64_MAX

struct range {
	uint64_t	lo;
	uint64_t	hi;	/* RANGE_OPEN: to the end */
};

/* Records kept by position, in increasing order of position. */
struct range_entry {
	uint64_t	pos;
	size_t		off;	/* of the canonical line in lines */
	size_t		len;
};

struct range_store {
	struct range_entry	*v;
	size_t			 n;
	size_t			 cap;
	struct buf		 lines;
};

/* Appends the ranges of list to *v; -1 when the list is malformed. */
int	range_parse(const char *list, struct range **v, size_t *n);
/* Is position p in any of the ranges? */
int	range_contains(const struct range *, size_t n, uint64_t p);

/* Keeps a record at a position larger than those kept before. */
void	range_keep(struct range_store *, uint64_t pos, const struct rec *);
/* Writes the kept records in the range; returns how many. */
size_t	range_write(const struct range_store *, const struct range *);
void	range_store_free(struct range_store *);

#endif
