/*
 * The other thread reads its part of the file as src_next() does and runs
 * keep() on each record; what it would print, its output (out_divert())
 * and its messages (diag_hold()), becomes pieces in a queue, in the order
 * they came.  This thread, once at the end of its own part, prints the
 * pieces as they come: canonical lines by their offsets in the file
 * (copied by the kernel when stdout takes copies), other bytes as they
 * are, messages with the line numbers one thread would have given.  The
 * queue is bounded and the other thread waits when it is full, so memory
 * does not grow with the file.
 */
#include <pthread.h>
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
#include "split.h"

enum piece_kind {
	PIECE_RANGE,		/* bytes of the file: off, len */
	PIECE_BYTES,		/* output bytes in b */
	PIECE_MSGS		/* held messages in b (diag_held_print()) */
};

struct piece {
	enum piece_kind	 kind;
	off_t		 off;
	size_t		 len;
	struct buf	 b;
};

#define QUEUE_LEN	64
#define QUEUE_BYTES	(256 * 1024)	/* of bytes and messages waiting */
#define BYTES_MAX	(64 * 1024)	/* a piece of bytes, but a record whole */
#define RANGE_MAX	((size_t)4 << 20)	/* copying starts while reading */
#define HELD_MAX	(64 * 1024)
#define STREAK_MIN	(64 * 1024)	/* contiguous bytes before a range */
#define SPLIT_MARK	1024		/* records between marks, for ahead() */

struct src_split {
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	pthread_cond_t	 changed;	/* a piece came or went, or the end */
	struct piece	 queue[QUEUE_LEN];
	size_t		 head, n;
	size_t		 queued;	/* bytes in the pieces waiting */
	int		 done;		/* the other thread queues no more */
	atomic_int	 cancel;	/* this one takes no more */

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

/* Queues p, waiting for room; dropped when this thread takes no more. */
static void
enqueue(struct src_split *sp, struct piece *p)
{
	pthread_mutex_lock(&sp->lock);
	while ((sp->n == QUEUE_LEN || (sp->n > 0 &&
	    sp->queued + p->b.len > QUEUE_BYTES)) &&
	    !atomic_load(&sp->cancel))
		pthread_cond_wait(&sp->changed, &sp->lock);
	if (atomic_load(&sp->cancel))
		buf_free(&p->b);
	else {
		sp->queue[(sp->head + sp->n++) % QUEUE_LEN] = *p;
		sp->queued += p->b.len;
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

static void
sink_bytes(void *arg, const void *p, size_t n)
{
	struct src_split *sp = arg;
	struct piece *pc = &sp->pending;

	if (!sp->has_pending || pc->kind != PIECE_BYTES ||
	    pc->b.len >= BYTES_MAX)
		pc = start_piece(sp, PIECE_BYTES);
	buf_add(&pc->b, p, n);
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

static void
mark(struct src_split *sp)
{
	if (sp->counted % SPLIT_MARK != 0)
		return;
	sp->marks = xreallocarray(sp->marks, sp->nmarks + 1,
	    sizeof(*sp->marks));
	sp->marks[sp->nmarks++] = reader_offset(&sp->src.rd, sp->src.line.p);
}

static void *
split_run(void *arg)
{
	struct src_split *sp = arg;
	struct src *s = &sp->src;
	const struct src_counter *c = s->counter;

	diag_hold(&sp->held);
	out_divert(&sp->sink);
	while (src_next(s) != NULL && !atomic_load(&sp->cancel)) {
		if (sp->held.msgs.len > 0)
			spill_held(&sp->held, sp);
		if (c->ahead != NULL) {
			mark(sp);
			sp->counted++;
		} else if (c->keep == NULL || c->keep(s, sp->ctx) == 1)
			sp->counted++;
	}
	if (sp->held.msgs.len > 0)
		spill_held(&sp->held, sp);
	publish(sp);
	out_divert(NULL);
	diag_hold(NULL);
	pthread_mutex_lock(&sp->lock);
	sp->done = 1;
	pthread_cond_broadcast(&sp->changed);
	pthread_mutex_unlock(&sp->lock);
	return NULL;
}

static void
print_piece(struct src *s, struct piece *p, unsigned long line_base)
{
	struct diag_held h = { .msgs = p->b };

	switch (p->kind) {
	case PIECE_RANGE:
		out_copy(s->rd.fd, p->off, p->len);
		break;
	case PIECE_BYTES:
		out_write(p->b.p, p->b.len);
		buf_free(&p->b);
		break;
	case PIECE_MSGS:
		diag_held_print(&h, line_base);		/* frees them */
		break;
	}
}

/* The other thread's pieces, as they come, until it is done. */
static void
print_pieces(struct src *s, struct src_split *sp)
{
	unsigned long line_base = s->rd.lineno;
	struct piece got[QUEUE_LEN];
	size_t n, i;
	int done;

	do {
		pthread_mutex_lock(&sp->lock);
		while (sp->n == 0 && !sp->done)
			pthread_cond_wait(&sp->changed, &sp->lock);
		for (n = 0; sp->n > 0; sp->n--) {
			got[n++] = sp->queue[sp->head];
			sp->head = (sp->head + 1) % QUEUE_LEN;
		}
		sp->queued = 0;
		done = sp->done;
		pthread_cond_broadcast(&sp->changed);
		pthread_mutex_unlock(&sp->lock);
		for (i = 0; i < n; i++)
			print_piece(s, &got[i], line_base);
	} while (!done);
}

static void
split_free(struct src_split *sp)
{
	const struct src_counter *c = sp->src.counter;

	if (c->ctx_new != NULL && sp->ctx != NULL)
		c->ctx_free(sp->ctx);
	src_free(&sp->src);
	buf_free(&sp->held.msgs);
	buf_free(&sp->pending.b);
	while (sp->n > 0) {
		buf_free(&sp->queue[sp->head].b);
		sp->head = (sp->head + 1) % QUEUE_LEN;
		sp->n--;
	}
	free(sp->marks);
	reader_free(&sp->again);
	rec_free(&sp->rec);
	pthread_mutex_destroy(&sp->lock);
	pthread_cond_destroy(&sp->changed);
	free(sp);
}

int
split_join(struct src *s, int reached)
{
	struct src_split *sp = s->split;
	const struct src_counter *c = sp->src.counter;
	int taken;

	s->split = NULL;
	reached = reached && reader_at_limit(&s->rd);
	/* The other checked no ids for repeats: right only once none are. */
	if ((taken = reached && s->idsfull))
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
	split_free(sp);
	if (reached && !taken) {
		reader_go_on(&s->rd);
		return 1;
	}
	return 0;
}

unsigned long
src_count(struct src *s, const struct src_counter *c)
{
	unsigned long n = 0;

	s->counter = c;
	while (src_next(s) != NULL)
		if (c->keep == NULL || c->keep(s, c->ctx) == 1)
			n++;
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
	int tries;

	for (tries = 0; tries < 16 && off < size; tries++) {
		ssize_t n = pread(fd, b, sizeof(b), off);
		const char *nl;

		if (n <= 0)
			return -1;
		if ((nl = memchr(b, '\n', (size_t)n)) != NULL)
			return off + (nl - b) + 1;
		off += n;
	}
	return -1;
}

/* Where the other thread begins: a line start halfway, or -1. */
static off_t
split_point(const struct src *s)
{
	off_t min = split_min(), from = reader_read_end(&s->rd), at;
	struct stat st;
	unsigned share;

	if (s->fmt != IMPORT_QB || s->split != NULL || s->ahead != NULL ||
	    s->ids.max == 0 || min <= 0 || from < 0 ||
	    fstat(s->rd.fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size - from < min)
		return -1;
	share = s->counter->share != 0 ? s->counter->share : 50;
	at = line_start_from(s->rd.fd, from + (st.st_size - from) *
	    (off_t)share / 100, st.st_size);
	return at < st.st_size ? at : -1;
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
	if (c->ahead != NULL)
		ctx = NULL;
	else if (c->ctx_new != NULL && (ctx = c->ctx_new(c->ctx)) == NULL)
		return;
	/* Chosen at first use: here, before the other thread starts. */
	(void)scan_impl();
	(void)hash_keyed("", 0);
#ifdef M_ARENA_MAX
	/*
	 * The other thread allocates little (a piece per 64 KiB of output):
	 * an arena of its own would cost half a MiB of memory for nothing.
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
	sp->src.fmt = IMPORT_QB;
	sp->held.max = HELD_MAX;
	sp->held.spill = spill_held;
	sp->held.arg = sp;
	sp->sink.bytes = sink_bytes;
	sp->sink.range = out_takes_copies() ? sink_range : NULL;
	sp->sink.arg = sp;
	reader_open_range(&sp->src.rd, s->rd.name, s->rd.fd, at, -1);
	if (pthread_create(&sp->thread, NULL, split_run, sp) != 0) {
		split_free(sp);
		return;
	}
	reader_stop_at(&s->rd, at);
	s->split = sp;
}
