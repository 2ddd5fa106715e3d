/*
 * src.h's reading in two threads (src_count()): the second part of a big
 * regular qb(5), CSV, TSV or JSON Lines file read by another thread, whose
 * output and messages come to this one in order.  For src.c only.
 */
#ifndef QB_SPLIT_H
#define QB_SPLIT_H

#include "src.h"

/* The file just opened: maybe give its second part to another thread. */
void	split_start(struct src *);
/*
 * This thread can read no more of the file (reached: it is at the end of
 * its input, not at an error).  When that is where the other thread began,
 * the other's output, messages and count are taken, in order, and 0 is
 * returned; 1 when this thread is to read the part itself after all, or
 * the rest of it from where the other stopped (an import's record that
 * depends on the ones before it: import.h's ahead).
 */
int	split_join(struct src *, int reached);
/* This thread read on past where the other began: the other's part is
   read here (an import's row across the split point). */
void	split_cancel(struct src *);

#endif
