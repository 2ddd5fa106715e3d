/*
 * The other thread reads its part of the file as src_next() does and runs
 * keep() on each record; what it would print, its output (out_divert())
 * and its messages (diag_hold()), becomes pieces in a queue, in the order
 * they came.  This thread, once at the end of its own part, prints the
 * pieces as they come: canonical lines by their offsets in the file
 * (copied by the kernel when stdout takes copies), other bytes as they
 * are, messages with the line numbers one thread would have given.  What
 * waits past QUEUE_BYTES goes to an unnamed temporary file (the spool),
 * so the other thread reads on and memory does not grow with the file.
 *
 * An import (CSV, TSV, JSON Lines) is read in rounds instead, and so is a
 * qb(5) file for a command whose output is made (src_counter's rounds:
 * qb-fmt's JSON, say): the output is not the file's lines, and the
 * other's part held while this thread reads its own would be spooled
 * whole, at more cost than reading it.  So the threads take turns over
 * the rest of the file: the other reads ROUND_BYTES (to the first record
 * from there; QB_ROUND of a qb(5) file), then skips TURN_BYTES for this
 * thread and reads on; this one reads its turn and prints the other's
 * round, whose output waits in memory meanwhile (the other waits when
 * ROUND_QUEUE bytes do).  Each round ends with a marker piece: where this
 * thread goes on, and where its turn ends.  How long a turn is follows
 * which thread waited for the other: one that waits has too little to do.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "diag.h"
#include "hash.h"
#include "out.h"
#include "scan.h"
#include "spill.h"
#include "split.h"

/*
 * A quiet count's tail (take_tail()): the other, done with its part,
 * asks; this thread gives it the second half of what it has left to
 * read, or not; the other reads it, or gives it back at a message (its
 * line numbers and order are this thread's to keep).
 */
enum tail {
	TAIL_NONE,
	TAIL_ASKED,
	TAIL_GIVEN,
	TAIL_REFUSED,
	TAIL_READ,
	TAIL_BACK
};

enum piece_kind {
	PIECE_RANGE,		/* bytes of the file: off, len */
	PIECE_BYTES,		/* output bytes in b */
	PIECE_MSGS,		/* held messages in b (diag_held_print()) */
	PIECE_RECS,		/* records passed on in b (struct passed) */
	PIECE_ROUND		/* the end of a round: back, line, next */
};

/* A record passed on, its id and (off -1) its line after it. */
struct passed {
	off_t		 off;
	unsigned long	 lineno;
	size_t		 idlen, linelen;
	int		 parse;		/* the line at off is not canonical */
};

struct piece {
	enum piece_kind	 kind;
	off_t		 off;		/* PIECE_RANGE's in the file */
	size_t		 len;		/* PIECE_RANGE's, or a spooled b's */
	off_t		 spooled;	/* b is at this offset of the spool
					   file, not in memory; or -1 */
	struct buf	 b;

	/* PIECE_ROUND's */
	off_t		 back;		/* where this thread goes on, line
					   (from the round's start) first;
					   -1: the file is read */
	unsigned long	 line;
	unsigned long	 counted;	/* the round's records */
	off_t		 next;		/* where the next round begins; -1:
					   there is none, the other is done */
};

#define QUEUE_BYTES	(64 * 1024)	/* in memory; the rest spooled */
#define QUEUE_MAX	16384		/* pieces waiting, at most */
/* A piece of bytes, but a write whole; one less for buf's NUL. */
#define BYTES_MAX	(32 * 1024 - 1)
#define RANGE_MAX	((size_t)4 << 20)	/* copying starts while reading */
#define HELD_MAX	(64 * 1024)
#define STREAK_MIN	(64 * 1024)	/* contiguous bytes before a range */
#define SPLIT_MARK	1024		/* records between marks, for ahead() */
#define TAIL_MIN	(2 * 1024 * 1024)	/* left: worth a tail's handover */
/*
 * An import's rounds: this thread's turn is shorter, as it also prints
 * the other's output.  Both parts are small, for their output to wait in
 * memory; the costs of a turn (a seek and a read, a few KiB looked at
 * twice) are small beside them.  A turn starts at TURN_BYTES, and grows
 * or shrinks by an eighth a round (turn_end()), between TURN_MIN and
 * TURN_MAX: how fast each thread goes depends on the format, the rows,
 * the output and the other processes on the machine.
 */
#define ROUND_BYTES	(256 * 1024)
#define TURN_BYTES	(160 * 1024)
#define TURN_MIN	(32 * 1024)
#define TURN_MAX	(1024 * 1024)
#define ROUND_QUEUE	(384 * 1024)
#define ROUND_PIECE	(64 * 1024 - 1)	/* fewer, bigger writes */
#define SPARE_MAX	4
/*
 * A qb(5) file's rounds (src_counter's rounds: made output, as qb-fmt's
 * JSON, up to twice the text read) are smaller, for the RSS.
 */
#define QB_ROUND	(64 * 1024)
#define QB_ROUND_QUEUE	(96 * 1024)
#define QB_ROUND_PIECE	(32 * 1024 - 1)
#define QB_ROUND_SPARES	2

struct src_split {
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	pthread_cond_t	 changed;	/* a piece came or went, or the end */
	struct piece	*queue;
	size_t		 n, cap;
	size_t		 queued;	/* bytes of the pieces in memory */
	FILE		*spool;		/* the others, written by the other
					   thread, read by this one */
	off_t		 spool_end;
	int		 no_spool;	/* none could be made: wait instead */
	size_t		 queue_max;	/* bytes in memory, then spooled */
	size_t		 bytes_max;	/* a piece of bytes' */
	int		 done;		/* the other thread queues no more */
	atomic_int	 cancel;	/* this one takes no more */

	/*
	 * A quiet count's tail: set under the lock (but tail_asked), read
	 * under it or after the handover that set them.
	 */
	atomic_int	 tail_asked;	/* looked at by this thread a record */
	enum tail	 tail;
	int		 main_at_end;	/* this thread is at its part's end:
					   no more asks */
	off_t		 tail_from;	/* the tail's start; its end: at */
	unsigned long	 tail_lines, tail_counted;

	/* Rounds: an import's, or src_counter's rounds. */
	int		 rounds;
	size_t		 ends;		/* round ends queued */
	size_t		 turn;		/* this thread's next turn, bytes */
	int		 waited_main;	/* in this round: this thread waited */
	int		 waited_other;	/* ...and the other waited for room */
	int		 fd;
	off_t		 at;		/* the other's part's start (and a
					   tail's end), or the first round's */
	off_t		 size;		/* the file's */
	struct import	 tmpl;		/* this thread's, at the start */
	struct piece	*got;		/* taken from the queue, printed up */
	size_t		 ngot, igot, gotcap;	/* to a round's end */
	struct buf	 spare[SPARE_MAX];	/* printed pieces' buffers */
	size_t		 nspare, spare_max;

	/* The other thread's. */
	struct src	 src;
	void		*ctx;
	unsigned long	 counted;
	struct diag_held held;
	struct out_sink	 sink;
	struct piece	 pending;	/* being filled, not queued yet */
	int		 has_pending;
	off_t		 streak_end;	/* of the file's lines written, */
	size_t		 streak;	/* after how many contiguous bytes */
	off_t		*marks;		/* where every SPLIT_MARK-th record is */
	size_t		 nmarks;

	/* src_ahead_rec() reads the part again from a mark. */
	struct reader	 again;
	struct rec	 rec;
	unsigned long	 next;		/* the index of again's next record */
	int		 reading;
};

/*
 * Writes b to the spool, so that the other thread reads on however far
 * behind this one is; 0 when there is no spool.
 */
static int
spool(struct src_split *sp, struct piece *p)
{
	size_t done = 0;

	if (sp->spool == NULL && !sp->no_spool &&
	    (sp->spool = spill_temporary()) == NULL)
		sp->no_spool = 1;
	if (sp->no_spool)
		return 0;
	while (done < p->b.len) {
		ssize_t n = pwrite(fileno(sp->spool), p->b.p + done,
		    p->b.len - done, sp->spool_end + (off_t)done);

		if (n <= 0)
			diag_fatal("temporary file: write error");
		done += (size_t)n;
	}
	p->spooled = sp->spool_end;
	p->len = p->b.len;
	sp->spool_end += (off_t)p->b.len;
	buf_free(&p->b);
	return 1;
}

/*
 * Is there enough in the queue to wake this thread for?  In rounds, a
 * round's end or half the room, not each piece: a wakeup costs more than
 * the few pieces between.
 */
static int
ready(const struct src_split *sp)
{
	return sp->n > 0 && (!sp->rounds || sp->ends > 0 ||
	    sp->queued >= sp->queue_max / 2 || sp->n >= QUEUE_MAX / 2);
}

/*
 * Is p spooled bytes right after the last piece's, in the spool?  Then
 * they are one piece: out_copy() takes any length, and the queue stays
 * short however far behind this thread is (its array was most of the
 * RSS when a half's output was spooled a piece at a time).
 */
static int
follows_spooled(const struct src_split *sp, const struct piece *p)
{
	const struct piece *last;

	if (sp->n == 0 || p->kind != PIECE_BYTES || p->spooled < 0)
		return 0;
	last = &sp->queue[sp->n - 1];
	return last->kind == PIECE_BYTES && last->spooled >= 0 &&
	    last->spooled + (off_t)last->len == p->spooled;
}

/*
 * Queues p: in memory while little is waiting, else in the spool; with
 * no spool, or too many pieces waiting, after waiting for room.  Dropped
 * when this thread takes no more.
 */
static void
enqueue(struct src_split *sp, struct piece *p)
{
	pthread_mutex_lock(&sp->lock);
	p->spooled = -1;
	for (;;) {
		int full = sp->n > 0 && p->b.len > 0 &&
		    sp->queued + p->b.len > sp->queue_max;

		if (atomic_load(&sp->cancel) || (!full && sp->n < QUEUE_MAX))
			break;
		sp->waited_other |= sp->rounds;
		if (full && sp->n < QUEUE_MAX && !sp->no_spool) {
			pthread_mutex_unlock(&sp->lock);
			full = !spool(sp, p);
			pthread_mutex_lock(&sp->lock);
			if (!full)
				break;
			/* The queue may have been taken meanwhile, and its
			   signal missed: look again before waiting. */
			continue;
		}
		pthread_cond_wait(&sp->changed, &sp->lock);
	}
	if (atomic_load(&sp->cancel))
		buf_free(&p->b);
	else if (follows_spooled(sp, p))
		sp->queue[sp->n - 1].len += p->len;
	else {
		if (sp->n == sp->cap) {
			sp->cap = sp->cap == 0 ? 64 : 2 * sp->cap;
			sp->queue = xreallocarray(sp->queue, sp->cap,
			    sizeof(*sp->queue));
		}
		sp->queue[sp->n++] = *p;
		sp->queued += p->b.len;
		sp->ends += p->kind == PIECE_ROUND;
		if (!sp->rounds || ready(sp))
			pthread_cond_broadcast(&sp->changed);
	}
	pthread_mutex_unlock(&sp->lock);
	memset(p, 0, sizeof(*p));
}

static void
publish(struct src_split *sp)
{
	if (sp->has_pending)
		enqueue(sp, &sp->pending);
	sp->has_pending = 0;
}

static struct piece *
start_piece(struct src_split *sp, enum piece_kind kind)
{
	publish(sp);
	sp->pending.kind = kind;
	sp->has_pending = 1;
	return &sp->pending;
}

/*
 * A new piece of bytes, in a buffer this thread printed and gave back
 * when there is one: not allocated and cleared again.
 */
static struct piece *
bytes_piece(struct src_split *sp)
{
	struct piece *pc = start_piece(sp, PIECE_BYTES);

	pthread_mutex_lock(&sp->lock);
	if (sp->nspare > 0)
		pc->b = sp->spare[--sp->nspare];
	pthread_mutex_unlock(&sp->lock);
	buf_reserve(&pc->b, sp->bytes_max);
	return pc;
}

/* A piece's buffer, printed: kept for the other thread, or freed. */
static void
give_back(struct src_split *sp, struct buf *b)
{
	if (sp->rounds) {
		pthread_mutex_lock(&sp->lock);
		if (sp->nspare < sp->spare_max) {
			b->len = 0;
			sp->spare[sp->nspare++] = *b;
			memset(b, 0, sizeof(*b));
		}
		pthread_mutex_unlock(&sp->lock);
	}
	buf_free(b);
}

static void
sink_bytes(void *arg, const void *p, size_t n)
{
	struct src_split *sp = arg;
	struct piece *pc = &sp->pending;

	/* Filled up to its size, not past it into a buffer twice as big. */
	if (!sp->has_pending || pc->kind != PIECE_BYTES ||
	    (pc->b.len > 0 && pc->b.len + n > sp->bytes_max))
		pc = bytes_piece(sp);
	buf_add(&pc->b, p, n);
}

/* Output to /dev/null, dropped here rather than held and dropped there. */
static void
sink_drop(void *arg, const void *p, size_t n)
{
	(void)arg;
	(void)p;
	(void)n;
}

/* Room in the piece of bytes, for a record put together in place. */
static char *
sink_space(void *arg, size_t n)
{
	struct src_split *sp = arg;
	struct piece *pc = &sp->pending;
	char *p;

	if (n > sp->bytes_max)
		return NULL;
	if (!sp->has_pending || pc->kind != PIECE_BYTES ||
	    pc->b.len + n > sp->bytes_max)
		pc = bytes_piece(sp);
	p = pc->b.p + pc->b.len;
	pc->b.len += n;
	return p;
}

/*
 * Lines of the file in a long streak (as out_write_file() has it) become
 * a range, for the kernel to copy; scattered ones are bytes.
 */
static void
sink_range(void *arg, off_t off, const void *p, size_t n)
{
	struct src_split *sp = arg;
	struct piece *pc = &sp->pending;

	if (sp->has_pending && pc->kind == PIECE_RANGE &&
	    pc->off + (off_t)pc->len == off && pc->len < RANGE_MAX) {
		pc->len += n;
		return;
	}
	sp->streak = off == sp->streak_end ? sp->streak + n : 0;
	sp->streak_end = off + (off_t)n;
	if (sp->streak < STREAK_MIN) {
		sink_bytes(sp, p, n);
		return;
	}
	pc = start_piece(sp, PIECE_RANGE);
	pc->off = off;
	pc->len = n;
}

/* Messages go after the output before them. */
static void
spill_held(struct diag_held *h, void *arg)
{
	struct src_split *sp = arg;
	struct piece p = { .kind = PIECE_MSGS };

	publish(sp);
	p.b = h->msgs;
	memset(&h->msgs, 0, sizeof(h->msgs));
	enqueue(sp, &p);
}

static size_t
aligned(size_t n)
{
	return (n + sizeof(off_t) - 1) / sizeof(off_t) * sizeof(off_t);
}

/* The record read, for took(): where its line is, or the line itself. */
static void
pass_on(struct src_split *sp)
{
	struct src *s = &sp->src;
	struct piece *pc = &sp->pending;
	struct passed p = { -1, src_lineno(s), s->rec.id.len, 0, 0 };
	struct src_at at;
	struct buf *b;
	size_t start;

	if (!sp->has_pending || pc->kind != PIECE_RECS || (pc->b.len > 0 &&
	    pc->b.len + aligned(sizeof(p) + p.idlen) > BYTES_MAX)) {
		pc = start_piece(sp, PIECE_RECS);
		buf_reserve(&pc->b, BYTES_MAX);
	}
	b = &pc->b;
	start = b->len;
	buf_reserve(b, aligned(sizeof(p) + p.idlen));
	b->len += aligned(sizeof(p) + p.idlen);
	memcpy(b->p + start + sizeof(p), s->rec.id.p, p.idlen);
	if (src_canonical_at(s, &at))
		p.off = at.off;
	else if (src_line_at(s, &at)) {
		p.off = at.off;		/* made canonical if picked */
		p.parse = 1;
	} else {
		size_t line = b->len;

		rec_format(&s->rec, b);
		p.linelen = b->len - line;
		buf_reserve(b, aligned(b->len) - b->len);
		b->len = aligned(b->len);
	}
	memcpy(b->p + start, &p, sizeof(p));
}

/* The records passed on in b, given to took() in order. */
static void
take_passed(struct src *s, const struct buf *b, unsigned long line_base)
{
	const struct src_counter *c = s->counter;
	size_t at = 0;

	while (at < b->len) {
		struct src_took t;
		struct passed p;

		memcpy(&p, b->p + at, sizeof(p));
		t.id.p = b->p + at + sizeof(p);
		t.id.len = p.idlen;
		t.lineno = p.lineno + line_base;
		t.off = p.off;
		t.parse = p.parse;
		at += aligned(sizeof(p) + p.idlen);
		t.line.p = b->p + at;
		t.line.len = p.linelen;
		at += aligned(p.linelen);
		c->took(s, &t, c->ctx);
	}
}

static void
mark(struct src_split *sp)
{
	if (sp->counted % SPLIT_MARK != 0)
		return;
	sp->marks = xreallocarray(sp->marks, sp->nmarks + 1,
	    sizeof(*sp->marks));
	sp->marks[sp->nmarks++] = reader_offset(&sp->src.rd, sp->src.line.p);
}

/* The other's part, or its round: read, kept, queued. */
static void
read_part(struct src_split *sp)
{
	struct src *s = &sp->src;
	const struct src_counter *c = s->counter;

	while (src_next(s) != NULL && !atomic_load(&sp->cancel)) {
		if (sp->held.msgs.len > 0)
			spill_held(&sp->held, sp);
		if (c->ahead != NULL) {
			mark(sp);
			sp->counted++;
		} else if (c->took != NULL) {
			pass_on(sp);
			sp->counted++;
		} else if (c->keep == NULL || c->keep(s, sp->ctx) == 1)
			sp->counted++;
	}
	if (c->flush != NULL && sp->ctx != NULL)
		c->flush(sp->ctx);
	if (sp->held.msgs.len > 0)
		spill_held(&sp->held, sp);
	publish(sp);
}

static off_t	line_start_from(int, off_t, off_t);

/*
 * Where the round after one that ended at from begins; or -1.  This
 * thread's turn is longer when it waited for the round, shorter when the
 * other waited for it to print.
 */
static off_t
turn_end(struct src_split *sp, off_t from)
{
	off_t at;

	pthread_mutex_lock(&sp->lock);
	if (sp->waited_main && !sp->waited_other && sp->turn < TURN_MAX)
		sp->turn += sp->turn / 8;
	else if (sp->waited_other && !sp->waited_main && sp->turn > TURN_MIN)
		sp->turn -= sp->turn / 8;
	sp->waited_main = sp->waited_other = 0;
	at = from + (off_t)sp->turn;
	pthread_mutex_unlock(&sp->lock);
	at = line_start_from(sp->fd, at, sp->size);
	if (at < 0 || at >= sp->size || (sp->src.fmt != IMPORT_QB &&
	    ((at = import_record_start(&sp->tmpl, sp->fd, at, sp->size)) < 0 ||
	    at >= sp->size)))
		return -1;
	return at;
}

/* The other's rounds, each read as this thread's import would read it. */
static void
read_rounds(struct src_split *sp)
{
	struct src *s = &sp->src;
	off_t at = sp->at;

	while (at >= 0 && !atomic_load(&sp->cancel)) {
		struct piece *m;
		/* A qb(5) round ends at a line start, known before it. */
		off_t end = s->fmt != IMPORT_QB ? -1 :
		    line_start_from(sp->fd, at + QB_ROUND, sp->size);

		if (end >= sp->size)
			end = -1;
		reader_open_range(&s->rd, s->rd.name, sp->fd, at, end);
		if (s->fmt != IMPORT_QB) {
			s->imp.lenient = sp->tmpl.lenient;
			import_open(&s->imp, sp->tmpl.fmt, &s->rd);
			import_continue(&s->imp, &sp->tmpl);
			s->imp.soft_end = at + ROUND_BYTES;
		}
		s->open = 1;
		sp->counted = 0;
		read_part(sp);
		m = start_piece(sp, PIECE_ROUND);
		m->counted = sp->counted;
		m->back = m->next = -1;
		if (s->fmt == IMPORT_QB && end >= 0) {
			m->back = end;
			m->line = s->rd.lineno + 1;
			m->next = turn_end(sp, m->back);
		} else if (s->fmt != IMPORT_QB && s->imp.back_line != 0) {
			m->back = s->imp.back_off;
			m->line = s->imp.back_line;
			m->next = turn_end(sp, m->back);
		}
		at = m->next;
		publish(sp);
	}
}

/*
 * The other, done with its part: the end of this thread's part too, when
 * this one gives it (give_tail()).  Read with no message, it is counted
 * here; at a message, given back whole, for this thread to read.
 */
static void
take_tail(struct src_split *sp)
{
	struct src *s = &sp->src;
	const struct src_counter *c = s->counter;
	unsigned long counted = 0;
	int given;

	pthread_mutex_lock(&sp->lock);
	if (!sp->main_at_end) {
		sp->tail = TAIL_ASKED;
		atomic_store(&sp->tail_asked, 1);
		while (sp->tail == TAIL_ASKED && !atomic_load(&sp->cancel))
			pthread_cond_wait(&sp->changed, &sp->lock);
	}
	given = sp->tail == TAIL_GIVEN;
	pthread_mutex_unlock(&sp->lock);
	if (!given)
		return;
	/* A message (no spill: its line numbers would be the tail's). */
	sp->held.spill = NULL;
	reader_open_range(&s->rd, s->rd.name, sp->fd, sp->tail_from, sp->at);
	s->open = 1;
	while (sp->held.msgs.len == 0 && !sp->held.full &&
	    src_next(s) != NULL && !atomic_load(&sp->cancel))
		if (c->keep == NULL || c->keep(s, sp->ctx) == 1)
			counted++;
	pthread_mutex_lock(&sp->lock);
	if (sp->held.msgs.len == 0 && !sp->held.full &&
	    !atomic_load(&sp->cancel) && reader_at_limit(&s->rd)) {
		sp->tail = TAIL_READ;
		sp->tail_lines = s->rd.lineno;
		sp->tail_counted = counted;
	} else
		sp->tail = TAIL_BACK;
	buf_reset(&sp->held.msgs);
	sp->held.full = 0;
	pthread_cond_broadcast(&sp->changed);
	pthread_mutex_unlock(&sp->lock);
}

/*
 * This thread, asked for its tail once it checks no more ids (the tail's
 * would not be): the second half of what it has left, at a line start,
 * when that is much.
 */
static void
give_tail(struct src *s, struct src_split *sp)
{
	off_t from = reader_read_end(&s->rd), at = -1;

	atomic_store(&sp->tail_asked, 0);
	if (from >= 0 && sp->at - from >= TAIL_MIN)
		at = line_start_from(s->rd.fd, from + (sp->at - from) / 2,
		    sp->at);
	pthread_mutex_lock(&sp->lock);
	if (at >= from && at < sp->at && !atomic_load(&sp->cancel)) {
		sp->tail_from = at;
		sp->tail = TAIL_GIVEN;
		reader_stop_at(&s->rd, at);
	} else
		sp->tail = TAIL_REFUSED;
	pthread_cond_broadcast(&sp->changed);
	pthread_mutex_unlock(&sp->lock);
}

/*
 * This thread, at the end of its part, ends the handover: an ask is
 * refused, a tail given is waited for, and a tail read is counted.  1: the
 * tail came back, and this thread reads it.
 */
static int
end_tail(struct src *s, struct src_split *sp)
{
	enum tail t;

	pthread_mutex_lock(&sp->lock);
	sp->main_at_end = 1;
	if (sp->tail == TAIL_ASKED)
		sp->tail = TAIL_REFUSED;
	pthread_cond_broadcast(&sp->changed);
	while (sp->tail == TAIL_GIVEN)
		pthread_cond_wait(&sp->changed, &sp->lock);
	t = sp->tail;
	sp->tail = TAIL_NONE;
	pthread_mutex_unlock(&sp->lock);
	if (t == TAIL_READ) {
		/* The other's part starts after the tail's lines. */
		s->rd.lineno += sp->tail_lines;
		s->counted_ahead += sp->tail_counted;
	}
	return t == TAIL_BACK;
}

/* A count whose records, kept, make no output: a tail may be taken. */
static int
quiet(const struct src_counter *c)
{
	return c->quiet && c->took == NULL && c->ahead == NULL &&
	    c->flush == NULL;
}

static void *
split_run(void *arg)
{
	struct src_split *sp = arg;

	diag_hold(&sp->held);
	out_divert(&sp->sink);
	if (sp->rounds)
		read_rounds(sp);
	else
		read_part(sp);
	if (!sp->rounds && quiet(sp->src.counter) &&
	    !atomic_load(&sp->cancel))
		take_tail(sp);
	out_divert(NULL);
	diag_hold(NULL);
	pthread_mutex_lock(&sp->lock);
	sp->done = 1;
	pthread_cond_broadcast(&sp->changed);
	pthread_mutex_unlock(&sp->lock);
	return NULL;
}

/* A spooled piece's bytes back in memory, in p->b. */
static void
unspool(struct src_split *sp, struct piece *p)
{
	size_t done = 0;

	buf_reserve(&p->b, p->len);
	while (done < p->len) {
		ssize_t n = pread(fileno(sp->spool), p->b.p + done,
		    p->len - done, p->spooled + (off_t)done);

		if (n <= 0)
			diag_fatal("temporary file: read error");
		done += (size_t)n;
	}
	p->b.len = p->len;
}

static void
print_piece(struct src *s, struct src_split *sp, struct piece *p,
    unsigned long line_base)
{
	struct diag_held h = { 0 };

	if (p->spooled >= 0 && p->kind == PIECE_BYTES) {
		out_copy(fileno(sp->spool), p->spooled, p->len);
		return;
	}
	if (p->spooled >= 0)
		unspool(sp, p);
	h.msgs = p->b;
	switch (p->kind) {
	case PIECE_RANGE:
		out_copy(s->rd.fd, p->off, p->len);
		break;
	case PIECE_BYTES:
		/* A round's full pieces go out as they are, uncopied. */
		if (sp->rounds && p->b.len >= sp->bytes_max / 2) {
			out_flush();
			out_write_now(p->b.p, p->b.len);
		} else
			out_write(p->b.p, p->b.len);
		give_back(sp, &p->b);
		break;
	case PIECE_MSGS:
		diag_held_print(&h, line_base);		/* frees them */
		break;
	case PIECE_RECS:
		take_passed(s, &p->b, line_base);
		buf_free(&p->b);
		break;
	case PIECE_ROUND:
		break;
	}
}

/*
 * The other's pieces, as they come, up to the end of its round: its
 * marker in *m.
 */
static void
print_round(struct src *s, struct src_split *sp, unsigned long line_base,
    struct piece *m)
{
	for (;;) {
		struct piece *t;
		size_t cap;

		while (sp->igot < sp->ngot) {
			struct piece *p = &sp->got[sp->igot++];

			if (p->kind == PIECE_ROUND) {
				*m = *p;
				return;
			}
			print_piece(s, sp, p, line_base);
		}
		pthread_mutex_lock(&sp->lock);
		while (!ready(sp) && !sp->done) {
			sp->waited_main = 1;
			pthread_cond_wait(&sp->changed, &sp->lock);
		}
		t = sp->queue;
		sp->queue = sp->got;
		sp->got = t;
		cap = sp->cap;
		sp->cap = sp->gotcap;
		sp->gotcap = cap;
		sp->ngot = sp->n;
		sp->igot = 0;
		sp->n = 0;
		sp->queued = 0;
		sp->ends = 0;
		pthread_cond_broadcast(&sp->changed);
		if (sp->ngot == 0) {
			/* Done without a marker: not so, but the end. */
			pthread_mutex_unlock(&sp->lock);
			memset(m, 0, sizeof(*m));
			m->back = m->next = -1;
			return;
		}
		pthread_mutex_unlock(&sp->lock);
	}
}

/* The other thread's pieces, as they come, until it is done. */
static void
print_pieces(struct src *s, struct src_split *sp)
{
	unsigned long line_base = s->rd.lineno;
	struct piece *got = NULL, *t;
	size_t n, cap = 0, i;
	int done;

	do {
		pthread_mutex_lock(&sp->lock);
		while (sp->n == 0 && !sp->done)
			pthread_cond_wait(&sp->changed, &sp->lock);
		/* The pieces taken at once: the other queues on meanwhile. */
		t = sp->queue;
		sp->queue = got;
		got = t;
		n = sp->cap;
		sp->cap = cap;
		cap = n;
		n = sp->n;
		sp->n = 0;
		sp->queued = 0;
		done = sp->done;
		pthread_cond_broadcast(&sp->changed);
		pthread_mutex_unlock(&sp->lock);
		for (i = 0; i < n; i++)
			print_piece(s, sp, &got[i], line_base);
	} while (!done);
	free(got);
}

static void
split_free(struct src_split *sp)
{
	const struct src_counter *c = sp->src.counter;

	if (c->ctx_new != NULL && sp->ctx != NULL)
		c->ctx_free(sp->ctx);
	import_close(&sp->src.imp);	/* when cancelled while reading */
	src_free(&sp->src);
	import_close(&sp->tmpl);
	import_free(&sp->tmpl);
	buf_free(&sp->held.msgs);
	buf_free(&sp->pending.b);
	while (sp->n > 0)
		buf_free(&sp->queue[--sp->n].b);
	free(sp->queue);
	while (sp->igot < sp->ngot)
		buf_free(&sp->got[sp->igot++].b);
	free(sp->got);
	while (sp->nspare > 0)
		buf_free(&sp->spare[--sp->nspare]);
	if (sp->spool != NULL) {
		out_release(fileno(sp->spool));
		fclose(sp->spool);
	}
	free(sp->marks);
	reader_free(&sp->again);
	rec_free(&sp->rec);
	pthread_mutex_destroy(&sp->lock);
	pthread_cond_destroy(&sp->changed);
	free(sp);
}

/*
 * This thread's turn is read: the other's round is printed, and this one
 * reads on from where that ended (1), or the file is read (0).
 */
static int
next_turn(struct src *s, struct src_split *sp)
{
	unsigned long line_base = s->rd.lineno;
	struct piece m;

	print_round(s, sp, line_base, &m);
	s->counted_ahead += m.counted;
	if (m.next < 0) {
		s->split = NULL;
		(void)pthread_join(sp->thread, NULL);
		split_free(sp);
	}
	if (m.back < 0)
		return 0;
	if (reader_restart_at(&s->rd, m.back, line_base + m.line - 1) < 0)
		diag_fatal("%s: cannot seek", s->rd.name);
	if (m.next >= 0)
		reader_stop_at(&s->rd, m.next);
	return 1;
}

int
split_join(struct src *s, int reached)
{
	struct src_split *sp = s->split;
	const struct src_counter *c = sp->src.counter;
	unsigned long line_base;
	int taken, back = 0;

	reached = reached && reader_at_limit(&s->rd);
	/* What this thread holds back comes before the other's output. */
	if (c->flush != NULL)
		c->flush(c->ctx);
	/* The other checked no ids for repeats: right only once none are. */
	if (sp->rounds && reached && s->idsfull)
		return next_turn(s, sp);
	if (!sp->rounds && reached && s->idsfull && end_tail(s, sp)) {
		reader_go_on(&s->rd);
		reader_stop_at(&s->rd, sp->at);
		return 1;		/* this thread reads its tail */
	}
	line_base = s->rd.lineno;	/* a tail read is counted in */
	s->split = NULL;
	if ((taken = !sp->rounds && reached && s->idsfull))
		print_pieces(s, sp);
	else {
		pthread_mutex_lock(&sp->lock);
		atomic_store(&sp->cancel, 1);
		pthread_cond_broadcast(&sp->changed);
		pthread_mutex_unlock(&sp->lock);
	}
	(void)pthread_join(sp->thread, NULL);
	if (taken && c->ahead != NULL) {
		s->ahead = sp;
		c->ahead(s, sp->counted, c->ctx);
		s->ahead = NULL;
	} else if (taken)
		s->counted_ahead += sp->counted;
	/* The other stopped before a record it could not make alone. */
	if (taken && sp->src.imp.back_line != 0) {
		if (reader_restart_at(&s->rd, sp->src.imp.back_off,
		    line_base + sp->src.imp.back_line - 1) < 0)
			diag_fatal("%s: cannot seek", s->rd.name);
		back = 1;
	}
	split_free(sp);
	if (reached && !taken) {
		reader_go_on(&s->rd);
		return 1;
	}
	return back;
}

void
split_cancel(struct src *s)
{
	s->imp.crossed = 0;
	if (s->split != NULL)
		(void)split_join(s, 0);
}

unsigned long
src_count(struct src *s, const struct src_counter *c)
{
	unsigned long n = 0;

	s->counter = c;
	while (src_next(s) != NULL) {
		if (c->keep == NULL || c->keep(s, c->ctx) == 1)
			n++;
		if (s->split != NULL && s->idsfull && atomic_load_explicit(
		    &s->split->tail_asked, memory_order_relaxed))
			give_tail(s, s->split);
	}
	s->counter = NULL;
	return n + s->counted_ahead;
}

struct rec *
src_ahead_rec(struct src *s, unsigned long i)
{
	struct src_split *sp = s->ahead;
	struct scan_fields f;
	struct span l;

	if (!sp->reading || i < sp->next ||
	    i / SPLIT_MARK > sp->next / SPLIT_MARK) {
		reader_open_range(&sp->again, s->rd.name, s->rd.fd,
		    sp->marks[i / SPLIT_MARK], -1);
		sp->next = i / SPLIT_MARK * SPLIT_MARK;
		sp->reading = 1;
	}
	/* The lines were read once: every one is known good or not. */
	while (reader_next_split(&sp->again, &l, &f) > 0)
		if (rec_parse_split(&sp->rec, l.p, l.len, &f) == REC_RECORD &&
		    sp->next++ == i)
			return &sp->rec;
	diag_fatal("%s: changed while read", s->rd.name);
}

/* QB_SPLIT_MIN, or SRC_SPLIT_MIN; 0 when QB_THREADS says one thread. */
static off_t
split_min(void)
{
	const char *threads = getenv("QB_THREADS"), *min;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if ((threads != NULL && strcmp(threads, "1") == 0) || cpus == 1)
		return 0;
	if ((min = getenv("QB_SPLIT_MIN")) != NULL && *min != '\0')
		return (off_t)strtoll(min, NULL, 10);
	return (off_t)SRC_SPLIT_MIN;
}

/* The first line start at or after off, or -1 when none is near. */
static off_t
line_start_from(int fd, off_t off, off_t size)
{
	char b[64 * 1024];
	size_t want = 4096;	/* most lines are short */
	int tries;

	for (tries = 0; tries < 16 && off < size; tries++) {
		ssize_t n = pread(fd, b, want, off);
		const char *nl;

		want = sizeof(b);
		if (n <= 0)
			return -1;
		if ((nl = memchr(b, '\n', (size_t)n)) != NULL)
			return off + (nl - b) + 1;
		off += n;
	}
	return -1;
}

/*
 * About where this thread will have read SRC_IDS_MAX records, from the
 * lines of the 16 KiB at from, with a quarter more for comments and for
 * lines longer than those: before it, the other thread's part would be
 * read again (split_join()).
 */
static off_t
ids_end(int fd, off_t from)
{
	char b[16 * 1024];	/* on the stack: it stays in RSS */
	ssize_t n = pread(fd, b, sizeof(b), from);
	const char *p = b, *nl;
	off_t lines = 0;

	if (n <= 0)
		return from;
	while ((nl = memchr(p, '\n', (size_t)(b + n - p))) != NULL) {
		lines++;
		p = nl + 1;
	}
	if (lines == 0)
		return from + n;
	return from + (off_t)n * (SRC_IDS_MAX + SRC_IDS_MAX / 4) / lines;
}

/*
 * Where the other thread begins: a line start at the command's share of
 * the file, or later, past the ids this one checks, but not past 3/5.
 */
static off_t
split_point(const struct src *s)
{
	off_t min = split_min(), from = reader_read_end(&s->rd), at, ids;
	struct stat st;
	unsigned share;

	/* An import's records are read again by no src_ahead_rec(). */
	if ((s->fmt != IMPORT_QB && (s->counter->ahead != NULL ||
	    s->imp.done)) || s->split != NULL || s->ahead != NULL ||
	    s->ids.max == 0 || min <= 0 || from < 0 ||
	    fstat(s->rd.fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size - (s->fmt == IMPORT_QB ? from : 0) < min)
		return -1;
	/* An import's ids are checked already: rounds begin here. */
	if (s->fmt != IMPORT_QB || s->counter->rounds) {
		at = line_start_from(s->rd.fd, from, st.st_size);
		if (at >= 0 && s->fmt != IMPORT_QB)
			at = import_record_start(&s->imp, s->rd.fd, at,
			    st.st_size);
		return at < st.st_size ? at : -1;
	}
	/* Less for this thread when it also prints the other's output. */
	share = s->counter->share != 0 && !out_discards() ?
	    s->counter->share : 50;
	at = from + (st.st_size - from) * (off_t)share / 100;
	ids = ids_end(s->rd.fd, from);
	if (ids > from + (st.st_size - from) * 3 / 5)
		ids = from + (st.st_size - from) * 3 / 5;
	if (ids > at)
		at = ids;
	at = line_start_from(s->rd.fd, at, st.st_size);
	return at < st.st_size ? at : -1;
}

static off_t
split_size(const struct src *s)
{
	struct stat st;

	return fstat(s->rd.fd, &st) == 0 ? st.st_size : -1;
}

/*
 * The other thread checks no ids for repeats, which is right when this
 * one has read all it checks (SRC_IDS_MAX) by the time it reaches the
 * other's part: split_join() sees.
 */
void
split_start(struct src *s)
{
	const struct src_counter *c = s->counter;
	struct src_split *sp;
	void *ctx = c->ctx;
	off_t at;

	if ((at = split_point(s)) < 0)
		return;
	if (c->ahead != NULL || c->took != NULL)
		ctx = NULL;
	else if (c->ctx_new != NULL && (ctx = c->ctx_new(c->ctx)) == NULL)
		return;
	/* Chosen at first use: here, before the other thread starts. */
	(void)scan_impl();
	(void)hash_keyed("", 0);
#ifdef M_ARENA_MAX
	/*
	 * The other thread allocates a piece per 32 KiB of output, little
	 * else: a malloc arena of its own would cost half a MiB for nothing.
	 */
	(void)mallopt(M_ARENA_MAX, 1);
#endif
	sp = xcalloc(1, sizeof(*sp));
	pthread_mutex_init(&sp->lock, NULL);
	pthread_cond_init(&sp->changed, NULL);
	atomic_init(&sp->cancel, 0);
	sp->ctx = ctx;
	sp->src.counter = c;
	sp->src.lenient = s->lenient;
	sp->src.idsfull = 1;
	sp->src.open = 1;
	sp->src.fmt = s->fmt;
	sp->held.max = HELD_MAX;
	sp->held.spill = spill_held;
	sp->held.arg = sp;
	sp->sink.bytes = out_discards() ? sink_drop : sink_bytes;
	sp->sink.space = out_discards() ? NULL : sink_space;
	sp->sink.range = out_takes_copies() ? sink_range : NULL;
	sp->sink.arg = sp;
	reader_open_range(&sp->src.rd, s->rd.name, s->rd.fd, at, -1);
	sp->at = at;
	sp->fd = s->rd.fd;
	atomic_init(&sp->tail_asked, 0);
	sp->queue_max = QUEUE_BYTES;
	sp->bytes_max = BYTES_MAX;
	if (s->fmt != IMPORT_QB || c->rounds) {
		sp->rounds = 1;
		sp->turn = TURN_BYTES;
		sp->size = split_size(s);
		/* Rounds are small: the other waits rather than spool. */
		sp->no_spool = 1;
		sp->queue_max = ROUND_QUEUE;
		sp->bytes_max = ROUND_PIECE;
		sp->spare_max = SPARE_MAX;
		/* Made output is bigger than the text read: less waits. */
		if (s->fmt == IMPORT_QB) {
			sp->queue_max = QB_ROUND_QUEUE;
			sp->bytes_max = QB_ROUND_PIECE;
			sp->spare_max = QB_ROUND_SPARES;
		}
	}
	if (s->fmt != IMPORT_QB) {
		sp->tmpl.lenient = s->lenient;
		import_open(&sp->tmpl, (enum import_format)s->fmt,
		    &sp->src.rd);
		import_continue(&sp->tmpl, &s->imp);
	}
	if (pthread_create(&sp->thread, NULL, split_run, sp) != 0) {
		split_free(sp);
		return;
	}
	reader_stop_at(&s->rd, at);
	s->split = sp;
	s->split_read = 1;
}
