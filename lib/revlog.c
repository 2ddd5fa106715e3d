/*
 * The review log.  Reading folds nothing: it keeps every review, compactly
 * (16 bytes, ids interned once), sorted by id, time and grade, and a
 * record's card is folded from its reviews when the record comes by; so a
 * million-line log and a million-record input fit in a few tens of MB.
 *
 * Writing is append-only: O_APPEND, one write() of a whole line under
 * flock(LOCK_EX), fsync.  The file handling here is deliberately small (open
 * without blocking, refuse what is not a regular file, make the directory)
 * so that it can move onto a shared module for the files qb keeps.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "daily.h"
#include "diag.h"
#include "hash.h"
#include "keep.h"
#include "line.h"
#include "rec.h"
#include "revlog.h"

static int
digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

/* YYYY-MM-DD at s (10 bytes) as days since 1970-01-01. */
static int
parse_date(const char *s, int64_t *days)
{
	char d[11];
	struct date dt;

	memcpy(d, s, 10);
	d[10] = '\0';
	if (daily_parse_date(d, &dt) < 0)
		return -1;
	*days = daily_days(dt);
	return 0;
}

int
revlog_parse_time(const char *s, int64_t *t)
{
	int64_t days;
	int h = 0, m = 0, sec = 0, oh = 0, om = 0, sign = 0;
	struct tm tm;
	time_t lt, noon;

	if (strnlen(s, 10) < 10 || parse_date(s, &days) < 0)
		return -1;
	s += 10;
	if (*s == 'T' || *s == 't' || *s == ' ') {
		if ((h = digits(s + 1, 2)) < 0 || h > 23 || s[3] != ':' ||
		    (m = digits(s + 4, 2)) < 0 || m > 59)
			return -1;
		s += 6;
		if (*s == ':') {
			if ((sec = digits(s + 1, 2)) < 0 || sec > 60)
				return -1;
			if (sec == 60)		/* a leap second */
				sec = 59;
			s += 3;
			if (*s == '.' || *s == ',') {
				if (s[1] < '0' || s[1] > '9')
					return -1;
				for (s++; *s >= '0' && *s <= '9'; s++)
					continue;
			}
		}
	}
	if (*s == 'Z' || *s == 'z') {
		sign = 1;
		s++;
	} else if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		if ((oh = digits(s + 1, 2)) < 0 || oh > 23)
			return -1;
		s += 3;
		if (*s == ':')
			s++;
		if (*s != '\0' && ((om = digits(s, 2)) < 0 || om > 59))
			return -1;
		if (*s != '\0')
			s += 2;
	}
	if (*s != '\0')
		return -1;
	if (sign != 0) {
		*t = days * FSRS_DAY + h * 3600 + m * 60 + sec -
		    sign * (oh * 3600 + om * 60);
		return 0;
	}
	/* Local time: mktime() knows the zone's rules. */
	memset(&tm, 0, sizeof(tm));
	noon = (time_t)(days * FSRS_DAY + 43200);
	if (gmtime_r(&noon, &tm) == NULL)
		return -1;
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	errno = 0;
	if ((lt = mktime(&tm)) == (time_t)-1 && errno != 0)
		return -1;
	*t = lt;
	return 0;
}

void
revlog_format_time(int64_t t, char buf[REVLOG_TIME_SIZE])
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[64];

	/* Not strftime: %Y need not pad the years before 1000. */
	if (gmtime_r(&tt, &tm) == NULL || tm.tm_year + 1900 > 9999 ||
	    tm.tm_year + 1900 < 1)
		memset(&tm, 0, sizeof(tm));
	snprintf(s, sizeof(s), "%04d-%02d-%02dT%02d:%02d:%02dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
	memcpy(buf, s, REVLOG_TIME_SIZE - 1);
	buf[REVLOG_TIME_SIZE - 1] = '\0';
}

int
revlog_parse_line(const char *p, size_t len, int64_t *t, const char **id,
    size_t *idlen, int *grade, char *msg, size_t msgsize)
{
	const char *tab;
	int64_t days;
	int h, m, s;

	if ((tab = memchr(p, '\t', len)) == NULL) {
		snprintf(msg, msgsize,
		    "not a review: expected TIME<TAB>ID<TAB>GRADE");
		return -1;
	}
	if (tab - p == 20) {
		h = digits(p + 11, 2);
		m = digits(p + 14, 2);
		s = digits(p + 17, 2);
	} else
		h = m = s = -1;
	if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 ||
	    p[10] != 'T' || p[13] != ':' || p[16] != ':' || p[19] != 'Z' ||
	    parse_date(p, &days) < 0) {
		snprintf(msg, msgsize,
		    "bad time: expected YYYY-MM-DDTHH:MM:SSZ");
		return -1;
	}
	*t = days * FSRS_DAY + h * 3600 + m * 60 + s;
	p += 21;
	len -= 21;
	if ((tab = memchr(p, '\t', len)) == NULL ||
	    !rec_id_valid(p, (size_t)(tab - p))) {
		snprintf(msg, msgsize, "bad id");
		return -1;
	}
	*id = p;
	*idlen = (size_t)(tab - p);
	len -= *idlen + 1;
	p = tab + 1;
	/* Fields after the grade are reserved, and ignored. */
	if (len < 1 || *p < '1' || *p > '4' || (len > 1 && p[1] != '\t')) {
		snprintf(msg, msgsize, "bad grade: expected 1, 2, 3 or 4");
		return -1;
	}
	*grade = *p - '0';
	return 0;
}

int
revlog_default_path(struct buf *path)
{
	const char *s = getenv("XDG_STATE_HOME");

	buf_reset(path);
	/* The XDG spec: a relative value is invalid, and ignored. */
	if (s != NULL && s[0] == '/') {
		buf_adds(path, s);
	} else if ((s = getenv("HOME")) != NULL && s[0] != '\0') {
		buf_adds(path, s);
		buf_adds(path, "/.local/state");
	} else {
		diag_warn("no review log: HOME and XDG_STATE_HOME are unset; "
		    "use --log=FILE");
		return -1;
	}
	buf_adds(path, "/qb/reviews");
	buf_cstr(path);
	return 0;
}

/* Ids come from a file: the keyed hash, so none collide on purpose. */
static uint64_t
hash(const char *p, size_t len)
{
	return hash_keyed(p, len);
}

/* The slot of id, or the empty one where it would go. */
static size_t
lookup(const struct revlog *l, const char *id, size_t len, uint32_t h)
{
	size_t i = h & (l->nslots - 1);

	/* The hash in the slot spares a visit to ids on most misses. */
	for (;; i = (i + 1) & (l->nslots - 1)) {
		const struct revlog_id *e;

		if (l->slots[i] == 0)
			return i;
		if ((uint32_t)(l->slots[i] >> 32) != h)
			continue;
		e = &l->ids[(uint32_t)l->slots[i] - 1];
		if (e->len == len && memcmp(l->keys.p + e->off, id, len) == 0)
			return i;
	}
}

static uint64_t
slot_value(uint32_t h, size_t index)
{
	return (uint64_t)h << 32 | (uint64_t)(index + 1);
}

static void
grow_slots(struct revlog *l)
{
	size_t i, n = l->nslots ? l->nslots * 2 : 1024;

	free(l->slots);
	l->slots = xcalloc(n, sizeof(*l->slots));
	l->nslots = n;
	for (i = 0; i < l->nids; i++) {
		const struct revlog_id *e = &l->ids[i];

		l->slots[lookup(l, l->keys.p + e->off, e->len, e->hash)] =
		    slot_value(e->hash, i);
	}
}

static uint32_t
intern(struct revlog *l, const char *id, size_t len)
{
	uint32_t h = (uint32_t)hash(id, len);
	size_t slot;

	if (2 * (l->nids + 1) > l->nslots)
		grow_slots(l);
	slot = lookup(l, id, len, h);
	if (l->slots[slot] != 0)
		return (uint32_t)l->slots[slot] - 1;
	if (l->nids == l->idcap) {
		l->idcap = l->idcap ? l->idcap * 2 : 1024;
		l->ids = xreallocarray(l->ids, l->idcap, sizeof(*l->ids));
	}
	l->ids[l->nids].off = (uint32_t)l->keys.len;
	l->ids[l->nids].len = (uint32_t)len;
	l->ids[l->nids].hash = h;
	l->ids[l->nids].first = 0;
	l->ids[l->nids].n = 0;
	buf_add(&l->keys, id, len);
	l->slots[slot] = slot_value(h, l->nids);
	return (uint32_t)l->nids++;
}

static void
add_review(struct revlog *l, int64_t t, uint32_t id, int grade)
{
	if (l->nrv == l->rvcap) {
		l->rvcap = l->rvcap ? l->rvcap * 2 : 4096;
		l->rv = xreallocarray(l->rv, l->rvcap, sizeof(*l->rv));
	}
	l->rv[l->nrv].t = t;
	l->rv[l->nrv].id = id;
	l->rv[l->nrv].grade = (uint32_t)grade;
	l->nrv++;
	l->ids[id].n++;
}

/* By id, then time, then grade: the same order for any line order. */
static int
cmp_review(const void *a, const void *b)
{
	const struct revlog_review *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (x->grade > y->grade) - (x->grade < y->grade);
}

/*
 * Puts each id's reviews together (a counting sort: the counts are known)
 * and then in time order; an id has few reviews, so the second sort is
 * cheap, and the whole is linear where one big sort would not be.
 */
static void
group(struct revlog *l)
{
	struct revlog_review *v;
	struct revlog_id *e;
	uint32_t first = 0;
	size_t i, j;

	for (i = 0; i < l->nids; i++) {
		l->ids[i].first = first;
		first += l->ids[i].n;
		l->ids[i].n = 0;
	}
	v = xmalloc((l->nrv + 1) * sizeof(*v));
	for (i = 0; i < l->nrv; i++) {
		e = &l->ids[l->rv[i].id];
		v[e->first + e->n++] = l->rv[i];
	}
	free(l->rv);
	l->rv = v;
	l->rvcap = l->nrv + 1;
	for (i = 0; i < l->nids; i++) {
		struct revlog_review *g = v + l->ids[i].first, x;
		size_t n = l->ids[i].n;

		if (n > 16) {
			qsort(g, n, sizeof(*g), cmp_review);
			continue;
		}
		for (j = 1; j < n; j++) {	/* insertion sort */
			size_t k = j;

			x = g[j];
			for (; k > 0 && cmp_review(&g[k - 1], &x) > 0; k--)
				g[k] = g[k - 1];
			g[k] = x;
		}
	}
}


/* Whether the file's last byte is not a newline: a torn last line. */
static int
torn_end(int fd)
{
	struct stat st;
	char c;

	if (fstat(fd, &st) < 0 || st.st_size == 0)
		return 0;
	return pread(fd, &c, 1, st.st_size - 1) == 1 && c != '\n';
}

static void
bad_line(const char *path, unsigned long lineno, const char *msg)
{
	diag_line(path, lineno, "%s", msg);
	diag_raise(STATUS_TROUBLE);
}

int
revlog_load(struct revlog *l, const char *path)
{
	struct reader rd = { 0 };
	struct stat st;
	struct span ln;
	const char *id;
	size_t idlen;
	unsigned long badline = 0;
	char msg[128], badmsg[128];
	int64_t t;
	int fd, grade, torn, r, missing, last_ok = 0;

	if ((fd = keep_open(path, path, O_RDONLY, &st, &missing)) < 0)
		return missing ? 0 : -1;	/* none yet: no reviews */
	/* A shared lock: an append in progress is never half seen. */
	while (flock(fd, LOCK_SH) < 0 && errno == EINTR)
		continue;
	torn = torn_end(fd);
	reader_open_fd(&rd, path, fd);
	while ((r = reader_next(&rd, &ln)) == 1) {
		/* The message of a bad line waits: it may be the torn last. */
		if (badline != 0)
			bad_line(path, badline, badmsg);
		badline = 0;
		last_ok = 0;
		if (ln.len == 0 || ln.p[0] == '#')
			continue;
		if (revlog_parse_line(ln.p, ln.len, &t, &id, &idlen, &grade,
		    msg, sizeof(msg)) < 0) {
			badline = rd.lineno;
			memcpy(badmsg, msg, sizeof(msg));
			continue;
		}
		add_review(l, t, intern(l, id, idlen), grade);
		last_ok = 1;
	}
	if (r < 0)
		diag_syswarn("%s", path);
	if (torn) {
		/* Even a last line that parses may have lost its end. */
		if (last_ok) {
			l->nrv--;
			l->ids[l->rv[l->nrv].id].n--;
		}
		bad_line(path, rd.lineno,
		    "torn line (no newline at the end), ignored");
	} else if (badline != 0) {
		bad_line(path, badline, badmsg);
	}
	reader_free(&rd);
	close(fd);

	group(l);
	return r < 0 ? -1 : 0;
}

size_t
revlog_card(const struct revlog *l, const char *id, size_t len,
    int64_t until, struct fsrs_card *c, int64_t *first, unsigned *nrecall,
    unsigned *npass)
{
	const struct revlog_review *rv;
	const struct revlog_id *e;
	size_t slot, i, n = 0;

	fsrs_init(c);
	*first = 0;
	*nrecall = *npass = 0;
	if (l->nslots == 0)
		return 0;
	slot = lookup(l, id, len, (uint32_t)hash(id, len));
	if (l->slots[slot] == 0)
		return 0;
	e = &l->ids[(uint32_t)l->slots[slot] - 1];
	rv = l->rv + e->first;
	for (i = 0; i < e->n && rv[i].t <= until; i++, n++) {
		if (c->state == FSRS_REVIEW) {
			(*nrecall)++;
			*npass += rv[i].grade != FSRS_AGAIN;
		}
		fsrs_review(c, (int)rv[i].grade, rv[i].t);
	}
	if (n > 0)
		*first = rv[0].t;
	return n;
}

void
revlog_free(struct revlog *l)
{
	buf_free(&l->keys);
	free(l->ids);
	free(l->slots);
	free(l->rv);
	memset(l, 0, sizeof(*l));
}

/* mkdir -p of the directory holding path. */
static void
make_parents(const char *path)
{
	char *d = xstrdup(path), *p;

	for (p = d + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(d, 0700) < 0 && errno != EEXIST)
			break;		/* open() will say why */
		*p = '/';
	}
	free(d);
}

int
revlog_open(struct revlog_writer *w, const char *path)
{
	struct stat st;
	int missing;

	w->path = path;
	make_parents(path);
	/* Read and write: an append must see whether the end is torn. */
	w->fd = keep_open(path, path, O_RDWR | O_APPEND | O_CREAT, &st,
	    &missing);
	return w->fd < 0 ? -1 : 0;
}

int
revlog_append(struct revlog_writer *w, int64_t t, const char *id,
    size_t len, int grade)
{
	struct buf line = { 0 };
	char when[REVLOG_TIME_SIZE];
	ssize_t n;
	int ret = 0;

	while (flock(w->fd, LOCK_EX) < 0)
		if (errno != EINTR) {
			diag_syswarn("%s: lock", w->path);
			return -1;
		}
	/*
	 * After a torn last line, start a new one: the torn bytes stay a
	 * line of their own (reported, ignored) and this review is whole.
	 */
	if (torn_end(w->fd))
		buf_addc(&line, '\n');
	revlog_format_time(t, when);
	buf_adds(&line, when);
	buf_addc(&line, '\t');
	buf_add(&line, id, len);
	buf_addc(&line, '\t');
	buf_addc(&line, (char)('0' + grade));
	buf_addc(&line, '\n');
	do
		n = write(w->fd, line.p, line.len);
	while (n < 0 && errno == EINTR);
	if (n < 0 || (size_t)n != line.len || fsync(w->fd) < 0) {
		if (n >= 0 && (size_t)n != line.len)
			errno = ENOSPC;
		diag_syswarn("%s: write error", w->path);
		ret = -1;
	}
	flock(w->fd, LOCK_UN);
	buf_free(&line);
	return ret;
}

void
revlog_close(struct revlog_writer *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
}
