/*
 * Selection by tag, as qb-grep's -t and -T: lists of tags a record must
 * carry one of (each -t) or must carry none of (-T); and, since a tag no
 * record carries is most likely a typo, a hint naming the nearest tag
 * that was read.
 */
#ifndef QB_TAGSEL_H
#define QB_TAGSEL_H

#include <stddef.h>

#include "rec.h"
#include "strmap.h"

struct tagsel {
	char		**with;		/* canonical comma-joined lists */
	size_t		  nwith;
	char		**without;
	size_t		  nwithout;
	struct strmap	  wanted;	/* the lists' tags; value 1: read */
	size_t		  unread;	/* of them, not read yet */
	struct strmap	  read;		/* tags read, for the hints */
};

/*
 * The tags read are kept only while a tag of the lists has not been read
 * (once each has, no hint is due), and only the first TAGSEL_READ_MAX
 * different ones: memory does not grow with the input.
 */
#define TAGSEL_READ_MAX	4096

/* A tagsel starts zeroed.  Adds a -t (or -T) list; -1 when malformed. */
int	tagsel_add(struct tagsel *, int without, const char *list);
/* Is any list given? */
int	tagsel_active(const struct tagsel *);
/* Does the record pass every list?  Also notes its tags for the hints. */
int	tagsel_pass(struct tagsel *, const struct rec *);
/*
 * For every tag of the lists that no record passed to tagsel_pass()
 * carried: "no record read has the tag 'T'; did you mean 'U'?" (U among
 * the first TAGSEL_READ_MAX different tags read) on standard error,
 * leaving the exit status as it is.
 */
void	tagsel_hint(const struct tagsel *);
void	tagsel_free(struct tagsel *);

#endif
