/*
 * The files qb keeps for its users (qb-pick's --state, qb-drill's log):
 * one discipline, written down here and in qb(5), so that no fault, typo
 * or odd path loses what they record.
 *
 *  - Only regular files.  A symbolic link is followed and its target is
 *    updated; the link itself is never replaced.  Anything else (a device
 *    such as /dev/null, a FIFO, a socket, a directory, /proc/self/fd/0 on
 *    a pipe) is refused with a message before it is opened for writing, and
 *    never waited on: opens are non-blocking and checked with fstat().  A
 *    file with more than one hard link is refused: replacing it would
 *    leave the other names with the old contents.
 *  - The lock is an exclusive flock(2) on the file itself, taken only for
 *    the read-modify-write (keep_lock to keep_close), never while the
 *    command reads its input.  A run that waited for the lock checks that
 *    the path still names the file it locked, and opens it again if not.
 *  - A replacement is written to a temporary file beside the target
 *    (TARGET.qbtmp-XXXXXX, shortened with a hash to fit NAME_MAX), given
 *    the target's owner and mode, synced, locked and renamed over it: the
 *    file is always the old contents or the new.  A directory that cannot
 *    be synced after the rename (a 0333 drop box, some network file
 *    systems) is a warning: the new contents are in place.  Temporaries
 *    left by a killed run are removed by the next run that takes the lock
 *    (only a run holding the lock makes one, so none can be in use).
 *  - An append writes whole lines under the lock, starts a new line when a
 *    crash left the last one unfinished, cuts a failed write back off, and
 *    syncs.
 *  - Callers write their output, and flush it, before they commit, and do
 *    not commit when it failed: what is recorded was seen.
 */
#ifndef QB_KEEP_H
#define QB_KEEP_H

#include <stddef.h>

#include <sys/stat.h>

#include "buf.h"

struct keep {
	const char	*name;	/* as given: for messages */
	char		*path;	/* the file itself, symbolic links followed */
	int		 fd;	/* open and locked; -1 before keep_lock() */
};

/*
 * Resolves name to the file it names (which may not exist yet) and checks
 * that it is a regular file.  Opens nothing.  0, or -1 after a report.
 */
int	keep_init(struct keep *, const char *name);
/* Opens (creating it empty when missing) and locks.  0, or -1 after a report. */
int	keep_lock(struct keep *);
/* Reads the whole (locked) file into b.  0, or -1 after a report. */
int	keep_read(struct keep *, struct buf *b);
/*
 * Replaces the contents atomically; the lock stays held on the new file.
 * 0, or -1 after a report with the file unchanged.
 */
int	keep_replace(struct keep *, const char *p, size_t len);
/* Unlocks and frees. */
void	keep_close(struct keep *);
/*
 * Opens path (open(2)'s flags) without waiting, as a FIFO would make it,
 * and refuses anything but a regular file, naming name in messages: the
 * descriptor, back in blocking mode, with its status in *st; or -1 after
 * a report, or quietly with *missing set when the file does not exist and
 * flags hold no O_CREAT.  For files kept without keep_lock (an append-only
 * log, which must never be replaced).
 */
int	keep_open(const char *name, const char *path, int flags,
	    struct stat *st, int *missing);

#endif
