/*
 * qb-drill's logic, apart from the scheduler (fsrs.c) and the log
 * (revlog.c).  The session writes its screen to the terminal it reads keys
 * from, not to stdout: qb-drill sits at the end of a pipe, and a screen
 * is no output to redirect.  It is line-oriented, no cursor addressing, so
 * it works on any terminal, and wraps to the window's width card by card.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "drill.h"
#include "out.h"
#include "wrap.h"

/* Learning cards due within this come back in the same session, as Anki. */
#define LEARN_AHEAD	(20 * 60)

void
drill_look(const struct revlog *l, const struct rec *r, int64_t now,
    struct drill_look *k)
{
	k->nrev = revlog_card(l, r->id.p, r->id.len, now, &k->c, &k->first,
	    &k->nrecall, &k->npass);
}

int
drill_is_due(const struct drill_look *k, int64_t now)
{
	return k->nrev > 0 && k->c.due <= now;
}

void
drill_today(int64_t t, int64_t *start, int64_t *end)
{
	time_t tt = (time_t)t;
	struct tm tm;

	*start = t - t % FSRS_DAY;
	*end = *start + FSRS_DAY;
	if (localtime_r(&tt, &tm) == NULL)
		return;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	*start = mktime(&tm);
	tm.tm_mday++;
	tm.tm_isdst = -1;
	*end = mktime(&tm);
}

void
drill_count(struct drill_stats *st, const struct drill_look *k, int64_t now,
    int64_t day_start, int64_t day_end)
{
	st->records++;
	st->reviews += k->nrev;
	st->nrecall += k->nrecall;
	st->npass += k->npass;
	if (k->nrev == 0) {
		st->fresh++;
		return;
	}
	if (k->first >= day_start && k->first < day_end)
		st->new_today++;
	if (k->c.state == FSRS_REVIEW)
		st->learned++;
	else
		st->learning++;
	if (drill_is_due(k, now))
		st->due++;
}

void
drill_stats_write(const struct drill_stats *st)
{
	out_printf("records\t%lu\n", st->records);
	out_printf("due\t%lu\n", st->due);
	out_printf("new\t%lu\n", st->fresh);
	out_printf("new_today\t%lu\n", st->new_today);
	out_printf("learning\t%lu\n", st->learning);
	out_printf("learned\t%lu\n", st->learned);
	out_printf("reviews\t%lu\n", st->reviews);
	if (st->nrecall > 0)
		out_printf("retention\t%.3f\n",
		    (double)st->npass / (double)st->nrecall);
	else
		out_printf("retention\t-\n");
}

void
drill_deck_add(struct drill_deck *d, const struct rec *r,
    const struct drill_look *k, int64_t now, size_t limit)
{
	struct drill_card *c;
	size_t seq = d->nfresh_seen;

	if (k->nrev == 0) {
		if (d->nfresh_seen++ >= limit)
			return;
	} else if (!drill_is_due(k, now))
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	c = &d->v[d->n++];
	c->off = d->lines.len;
	rec_format(r, &d->lines);
	c->len = d->lines.len - c->off;
	c->c = k->c;
	c->seq = seq;
}

static int
cmp_card(const void *a, const void *b)
{
	const struct drill_card *x = a, *y = b;
	int xn = x->c.state == FSRS_NEW, yn = y->c.state == FSRS_NEW;

	if (xn != yn)
		return xn - yn;
	if (!xn && x->c.due != y->c.due)
		return x->c.due < y->c.due ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

void
drill_deck_order(struct drill_deck *d, size_t limit)
{
	size_t i;

	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp_card);
	for (i = 0; i < d->n && d->v[i].c.state != FSRS_NEW; i++)
		continue;
	d->ndue = i;
	if (d->n - d->ndue > limit)
		d->n = d->ndue + limit;
}

void
drill_deck_free(struct drill_deck *d)
{
	buf_free(&d->lines);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

int
drill_grade_parse(const char *arg, size_t *idlen, int *g)
{
	const char *colon = strrchr(arg, ':');

	if (colon == NULL || !rec_id_valid(arg, (size_t)(colon - arg)) ||
	    colon[1] < '1' || colon[1] > '4' || colon[2] != '\0')
		return -1;
	*idlen = (size_t)(colon - arg);
	*g = colon[1] - '0';
	return 0;
}

void
drill_label(int64_t s, char *buf, size_t size)
{
	double days = (double)s / FSRS_DAY;

	if (s < 3600)
		snprintf(buf, size, "%lldm", (long long)((s + 30) / 60));
	else if (s < FSRS_DAY)
		snprintf(buf, size, "%lldh", (long long)((s + 1800) / 3600));
	else if (days < 30.5)
		snprintf(buf, size, "%.0fd", days);
	else if (days < 365)
		snprintf(buf, size, "%.1fmo", days / 30);
	else
		snprintf(buf, size, "%.1fy", days / 365);
}

/* The terminal's settings, put back on every way out. */
static struct termios saved_tio, raw_tio;
static volatile sig_atomic_t saved_fd = -1;

static void
tty_restore(void)
{
	if (saved_fd >= 0)
		tcsetattr(saved_fd, TCSANOW, &saved_tio);
}

static void
on_signal(int sig)
{
	tty_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* ^Z: the shell gets its terminal back, and raw mode returns on fg. */
static void
on_stop(int sig)
{
	sigset_t set;
	int e = errno;

	tty_restore();
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	/* Continued. */
	signal(sig, on_stop);
	if (saved_fd >= 0)
		tcsetattr(saved_fd, TCSANOW, &raw_tio);
	errno = e;
}

int
drill_tty_open(struct drill_session *s)
{
	static const int std[] = { STDIN_FILENO, STDERR_FILENO, STDOUT_FILENO };
	size_t i;

	if ((s->fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)) >= 0)
		return 0;
	/* No controlling terminal, but maybe a terminal all the same. */
	for (i = 0; i < sizeof(std) / sizeof(std[0]); i++)
		if (isatty(std[i]) && fcntl(std[i], F_GETFL) >= 0 &&
		    (fcntl(std[i], F_GETFL) & O_ACCMODE) == O_RDWR) {
			s->fd = std[i];
			return 0;
		}
	diag_warn("no terminal to drill on (use --due, --stats or --grade "
	    "without one)");
	return -1;
}

int
drill_color(void)
{
	const char *term = getenv("TERM"), *no_color = getenv("NO_COLOR");

	return (no_color == NULL || *no_color == '\0') && term != NULL &&
	    *term != '\0' && strcmp(term, "dumb") != 0;
}

static int
tty_raw(int fd)
{
	struct termios raw;
	struct sigaction sa;
	static const int sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
	size_t i;

	if (tcgetattr(fd, &saved_tio) < 0)
		return -1;
	raw = saved_tio;
	/* Keys one at a time, unechoed; ^C still interrupts. */
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	raw_tio = raw;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	sa.sa_handler = on_stop;
	sigaction(SIGTSTP, &sa, NULL);
	saved_fd = fd;
	return tcsetattr(fd, TCSANOW, &raw);
}

static int64_t
now(const struct drill_session *s)
{
	return s->at >= 0 ? s->at : (int64_t)time(NULL);
}

static int
width(int fd)
{
	struct winsize ws;

	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < 8 ? 8 : ws.ws_col;
	return 80;
}

/* The screen of one step, built whole and written at once. */
struct screen {
	struct buf	 b;
	struct wrap	 w;
	struct buf	 scratch;
	int		 fd;
	int		 color;
	int		 failed;
};

static void
emit(void *ctx, const char *line, size_t len)
{
	struct buf *b = ctx;

	buf_add(b, line, len);
	buf_addc(b, '\n');
}

static void
show(struct screen *sc)
{
	const char *p = sc->b.p;
	size_t n = sc->b.len;

	while (n > 0 && !sc->failed) {
		ssize_t w = write(sc->fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			diag_syswarn("terminal");
			sc->failed = 1;
			break;
		}
		p += w;
		n -= (size_t)w;
	}
	buf_reset(&sc->b);
}

static void
attr(struct screen *sc, const char *sgr)
{
	if (sc->color)
		buf_adds(&sc->b, sgr);
}

/* Wraps raw text with a hanging lead. */
static void
para(struct screen *sc, const char *lead, const char *text, size_t len)
{
	sc->w.width = width(sc->fd);
	sc->w.emit = emit;
	sc->w.ctx = &sc->b;
	wrap_text(&sc->w, lead, text, len);
}

/* Items of a line of choices, wrapped at whole items. */
static void
choices(struct screen *sc, const char **items, size_t n)
{
	int w = width(sc->fd), col = 0, iw;
	size_t i;

	attr(sc, "\033[2m");
	for (i = 0; i < n; i++) {
		iw = wrap_width(items[i], strlen(items[i]));
		if (col > 0 && col + 3 + iw > w) {
			buf_addc(&sc->b, '\n');
			col = 0;
		} else if (col > 0) {
			buf_adds(&sc->b, "   ");
			col += 3;
		}
		buf_adds(&sc->b, items[i]);
		col += iw;
	}
	attr(sc, "\033[m");
	buf_addc(&sc->b, '\n');
}

/* The next key, or -1 at the end of the terminal's input. */
static int
key(int fd)
{
	unsigned char c;
	ssize_t n;

	while ((n = read(fd, &c, 1)) < 0 && errno == EINTR)
		continue;
	return n == 1 ? c : -1;
}

static int
is_quit(int k)
{
	return k < 0 || k == 'q' || k == 'Q' || k == 4;	/* ^D */
}

static void
header(struct screen *sc, const struct drill_card *c, const struct rec *r,
    size_t ndue, size_t nlearn, size_t nnew, int64_t t)
{
	char status[64], ago[16], line[256];

	if (c->c.state == FSRS_NEW)
		snprintf(status, sizeof(status), "new");
	else if (c->c.state != FSRS_REVIEW)
		snprintf(status, sizeof(status), "learning");
	else if (t - c->c.due < 60)
		snprintf(status, sizeof(status), "due");
	else {
		drill_label(t - c->c.due, ago, sizeof(ago));
		snprintf(status, sizeof(status), "due, %s overdue", ago);
	}
	buf_addc(&sc->b, '\n');
	snprintf(line, sizeof(line), "due %zu  learning %zu  new %zu",
	    ndue, nlearn, nnew);
	attr(sc, "\033[2m");
	para(sc, "", line, strlen(line));
	attr(sc, "\033[m");
	attr(sc, "\033[1m");
	buf_reset(&sc->scratch);
	buf_add(&sc->scratch, r->id.p, r->id.len);
	if (r->tags.len > 0) {
		buf_adds(&sc->scratch, "  [");
		buf_add(&sc->scratch, r->tags.p, r->tags.len);
		buf_adds(&sc->scratch, "]");
	}
	buf_adds(&sc->scratch, "  ");
	buf_adds(&sc->scratch, status);
	para(sc, "", sc->scratch.p, sc->scratch.len);
	attr(sc, "\033[m");
}

static void
text(struct screen *sc, const char *lead, struct span escaped)
{
	struct buf raw = { 0 };
	struct span t = rec_text(escaped, &raw);

	if (t.len == 0)
		para(sc, lead, "(no answer)", 11);
	else
		para(sc, lead, t.p, t.len);
	buf_free(&raw);
}

static const char *const grade_name[] = { "", "Again", "Hard", "Good",
    "Easy" };

/* One card: question, answer, grade.  -1 to quit, else the grade. */
static int
drill_card(struct drill_session *s, struct screen *sc, struct drill_card *c,
    const struct rec *r, size_t ndue, size_t nlearn, size_t nnew)
{
	static const char *reveal[] = { "space: show the answer", "q: quit" };
	char items[4][48], label[16];
	const char *ip[5];
	struct fsrs_card next;
	int64_t t = now(s);
	int k, g;

	header(sc, c, r, ndue, nlearn, nnew, t);
	text(sc, "Q: ", r->question);
	choices(sc, reveal, 2);
	show(sc);
	do
		if (is_quit(k = key(s->fd)) || sc->failed)
			return -1;
	while (k != ' ' && k != '\n' && k != '\r' && k != 'a');

	text(sc, "A: ", r->answer);
	t = now(s);
	for (g = 1; g <= 4; g++) {
		next = c->c;
		fsrs_review(&next, g, t);
		drill_label(next.due - t, label, sizeof(label));
		snprintf(items[g - 1], sizeof(items[0]), "%d %s %s", g,
		    grade_name[g], label);
		ip[g - 1] = items[g - 1];
	}
	ip[4] = "q quit";
	choices(sc, ip, 5);
	show(sc);
	do
		if (is_quit(k = key(s->fd)) || sc->failed)
			return -1;
	while (k < '1' || k > '4');
	return k - '0';
}

int
drill_run(struct drill_session *s, struct drill_deck *d)
{
	struct screen sc = { .fd = s->fd, .color = s->color };
	struct rec r = { 0 };
	struct drill_card *c;
	size_t *learn = xmalloc((d->n + 1) * sizeof(*learn));
	size_t nlearn = 0, next = 0, i, j, nreviewed = 0;
	char label[16];
	int g, status = STATUS_OK;
	int64_t t;

	if (d->n == 0) {
		buf_adds(&sc.b, "Nothing to drill now: no record is due and "
		    "no new one is left for today.\n");
		show(&sc);
		free(learn);
		return STATUS_NONE;
	}
	if (tty_raw(s->fd) < 0) {
		diag_syswarn("terminal");
		free(learn);
		return STATUS_TROUBLE;
	}
	for (;;) {
		t = now(s);
		/* A learning card that has come due, else the next in line. */
		if (nlearn > 0 && (d->v[learn[0]].c.due <= t || next == d->n)) {
			i = learn[0];
			memmove(learn, learn + 1, --nlearn * sizeof(*learn));
		} else if (next < d->n)
			i = next++;
		else
			break;
		c = &d->v[i];
		rec_parse(&r, d->lines.p + c->off, c->len - 1);
		g = drill_card(s, &sc, c, &r, next < d->ndue ? d->ndue - next :
		    0, nlearn, d->n - (next > d->ndue ? next : d->ndue));
		if (g < 0) {
			s->quit = 1;
			break;
		}
		t = now(s);
		if (revlog_append(s->log, t, r.id.p, r.id.len, g) < 0) {
			status = STATUS_TROUBLE;
			break;
		}
		s->graded[g]++;
		nreviewed++;
		fsrs_review(&c->c, g, t);
		drill_label(c->c.due - t, label, sizeof(label));
		buf_adds(&sc.b, grade_name[g]);
		buf_adds(&sc.b, ": next in ");
		buf_adds(&sc.b, label);
		buf_addc(&sc.b, '\n');
		show(&sc);
		if (c->c.due - t <= LEARN_AHEAD) {
			/* Back into the learning queue, in due order. */
			for (j = nlearn; j > 0 && d->v[learn[j - 1]].c.due >
			    c->c.due; j--)
				learn[j] = learn[j - 1];
			learn[j] = i;
			nlearn++;
		}
	}
	tty_restore();
	buf_addc(&sc.b, '\n');
	buf_adds(&sc.b, s->quit ? "Quit. " : "Done. ");
	{
		char line[160];

		snprintf(line, sizeof(line), "%zu reviewed: %u again, %u hard, "
		    "%u good, %u easy; %zu left.\n", nreviewed, s->graded[1],
		    s->graded[2], s->graded[3], s->graded[4],
		    d->n - next + nlearn + (s->quit ? 1 : 0));
		buf_adds(&sc.b, line);
	}
	show(&sc);
	if (sc.failed)
		status = STATUS_TROUBLE;
	rec_free(&r);
	wrap_free(&sc.w);
	buf_free(&sc.b);
	buf_free(&sc.scratch);
	free(learn);
	return status;
}
