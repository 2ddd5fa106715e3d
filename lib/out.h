/*
 * Checked, buffered standard output.  A failed write is reported once and
 * ends the command with status 2 at once, so an endless input written to a
 * full disk stops; out_close() makes the final flush just as strict.
 */
#ifndef QB_OUT_H
#define QB_OUT_H

#include <stddef.h>
#include <sys/types.h>

void	out_write(const void *p, size_t n);
void	out_str(const char *s);
void	out_char(char c);
/*
 * Writes n bytes of the caller's own buffer at once, without copying
 * them when nothing is pending: for renderers that batch many records.
 */
void	out_write_now(const void *p, size_t n);
/*
 * Room for n bytes at the end of the output, which the caller fills at
 * once, before any other out_*() call: they are written as out_write()
 * would; NULL when n is more than the buffer holds, or the output is
 * diverted (out_divert()) to a sink without space.  Saves a call and a
 * copy a piece for output made of many small ones.
 */
char	*out_space(size_t n);
void	out_printf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
/*
 * Writes n bytes that are also at offset off of the regular file fd: when
 * stdout is a regular file too, runs of such bytes are copied in the
 * kernel (copy_file_range) instead, later.  Call out_release(fd) before
 * closing fd.
 */
void	out_write_file(int fd, off_t off, const void *p, size_t n);
/*
 * The n bytes at offset off of the regular file fd, copied by the kernel
 * when stdout takes copies, else read and written.
 */
void	out_copy(int fd, off_t off, size_t n);
/*
 * Is stdout /dev/null?  Then what is written to it is dropped unwritten,
 * as writing it would, and another thread need not hold its output.
 */
int	out_discards(void);
/* Is stdout a regular file the kernel copies into (not appended to)? */
int	out_takes_copies(void);
/*
 * This thread's output goes to the sink instead of stdout (NULL: back to
 * stdout): bytes as they come, and, when range is set, the bytes that
 * out_write_file() is given with their offset in their file too.  Flushing and
 * closing are the caller's business then.  When space is set, out_space()
 * takes its room from the sink (NULL: none).
 */
struct out_sink {
	void	(*bytes)(void *arg, const void *p, size_t n);
	void	(*range)(void *arg, off_t off, const void *p, size_t n);
	void	*arg;
	char	*(*space)(void *arg, size_t n);
};
void	out_divert(const struct out_sink *);
/* fd is about to be closed: write what is still to be copied from it. */
void	out_release(int fd);
/* Write what is pending to fd 1 now. */
void	out_flush(void);
/*
 * Flush, and when fd 1 is a pipe, wait until its reader has read it all:
 * for what must not be recorded unless it was seen (qb-pick --state).  A
 * reader that exits without reading (| true) is a broken pipe: SIGPIPE,
 * or when that is ignored a write error, and status 2 at once.
 */
void	out_flush_seen(void);
/* Flush and close stdout; call once, before returning from main. */
void	out_close(void);

#endif
