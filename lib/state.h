/*
 * qb-pick's no-repeat state: a plain file of the ids already picked, one a
 * line, held under an exclusive lock from reading to replacing, and
 * replaced atomically, so concurrent runs and crashes lose nothing.
 */
#ifndef QB_STATE_H
#define QB_STATE_H

#include <stddef.h>

#include "strmap.h"

struct state {
	const char	*path;
	int		 fd;	/* locked; -1 when closed */
	struct strmap	 ids;	/* in file order */
};

/*
 * Opens (creating it when missing), locks and reads the state file.
 * A file that cannot be read or parsed is reported; then -1, and the file
 * is left as it was.
 */
int	state_open(struct state *, const char *path);
/* Is the id in the state? */
int	state_has(const struct state *, const char *id, size_t len);
/*
 * Replaces the file with its ids (none when new_round) followed by the
 * lines' ids; lines are canonical records.  0, or -1 after a report.
 */
int	state_commit(struct state *, int new_round, const struct buf *lines,
	    size_t n);
/* Unlocks and frees. */
void	state_close(struct state *);

#endif
