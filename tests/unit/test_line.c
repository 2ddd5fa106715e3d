#include <fcntl.h>

#include "unit.h"
#include "line.h"
#include "rec.h"
#include "scan.h"

/* Reads all lines of the memory as "line|line|...". */
static char *
join_lines(struct reader *r)
{
	static char out[4096];
	struct span l;
	size_t n = 0;

	out[0] = '\0';
	while (reader_next(r, &l) == 1) {
		assert_true(n + l.len + 2 < sizeof(out));
		memcpy(out + n, l.p, l.len);
		n += l.len;
		out[n++] = '|';
		out[n] = '\0';
	}
	return out;
}

static void
framing(void **state)
{
	struct reader r = { 0 };
	const char text[] = "\xef\xbb\xbf" "one\r\ntwo\n\nthree";

	(void)state;
	reader_open_mem(&r, "mem", text, sizeof(text) - 1);
	assert_string_equal(join_lines(&r), "one|two||three|");
	assert_int_equal(r.lineno, 4);
	reader_free(&r);
}

static void
bom_only_on_first_line(void **state)
{
	struct reader r = { 0 };
	const char text[] = "a\n\xef\xbb\xbf" "b\n";

	(void)state;
	reader_open_mem(&r, "mem", text, sizeof(text) - 1);
	assert_string_equal(join_lines(&r), "a|\xef\xbb\xbf" "b|");
	reader_free(&r);
}

static void
empty_input(void **state)
{
	struct reader r = { 0 };
	struct span l;

	(void)state;
	reader_open_mem(&r, "mem", "", 0);
	assert_int_equal(reader_next(&r, &l), 0);
	reader_free(&r);
}

static void
nul_bytes_stay_in_the_line(void **state)
{
	struct reader r = { 0 };
	struct span l;

	(void)state;
	reader_open_mem(&r, "mem", "a\0b\nc", 5);
	assert_int_equal(reader_next(&r, &l), 1);
	assert_int_equal(l.len, 3);
	assert_memory_equal(l.p, "a\0b", 3);
	reader_free(&r);
}

/* Lines far longer than one read block come out whole, from a file. */
static void
long_lines_from_file(void **state)
{
	char path[] = "/tmp/qb-line-XXXXXX";
	struct reader r = { 0 };
	size_t big = 1000 * 1000, i;
	struct span l;
	char *text;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	text = malloc(big);
	assert_non_null(text);
	memset(text, 'x', big);
	for (i = 0; i < 3; i++) {
		assert_int_equal(write(fd, text, big - i), (ssize_t)(big - i));
		assert_int_equal(write(fd, "\n", 1), 1);
	}
	close(fd);
	assert_int_equal(reader_open(&r, path), 0);
	for (i = 0; i < 3; i++) {
		assert_int_equal(reader_next(&r, &l), 1);
		assert_int_equal(l.len, big - i);
		assert_int_equal(l.p[0], 'x');
		assert_int_equal(l.p[l.len - 1], 'x');
	}
	assert_int_equal(reader_next(&r, &l), 0);
	assert_int_equal(r.lineno, 3);
	reader_free(&r);
	unlink(path);
	free(text);
}

static void
many_short_lines_from_file(void **state)
{
	char path[] = "/tmp/qb-line-XXXXXX";
	struct reader r = { 0 };
	struct span l;
	unsigned long n = 0;
	FILE *f;
	int fd, i;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	for (i = 0; i < 100000; i++)
		fprintf(f, "line %d\n", i);
	fclose(f);
	assert_int_equal(reader_open(&r, path), 0);
	while (reader_next(&r, &l) == 1) {
		char want[32];

		snprintf(want, sizeof(want), "line %lu", n++);
		assert_int_equal(l.len, strlen(want));
		assert_memory_equal(l.p, want, l.len);
	}
	assert_int_equal(n, 100000);
	reader_free(&r);
	unlink(path);
}

static void
open_errors(void **state)
{
	struct reader r = { 0 };
	struct span l;

	(void)state;
	assert_int_equal(reader_open(&r, "/nonexistent/qb"), -1);
	assert_int_equal(reader_open(&r, "/"), 0);
	assert_int_equal(reader_next(&r, &l), -1);	/* EISDIR */
	reader_free(&r);
}

/*
 * A file opened as fd 0 (standard input was closed) is closed with the
 * reader; a descriptor handed in stays open.
 */
static void
owned_descriptors_only_are_closed(void **state)
{
	struct reader r = { 0 };
	int saved, fd;

	(void)state;
	saved = dup(STDIN_FILENO);
	close(STDIN_FILENO);
	assert_int_equal(reader_open(&r, "/dev/null"), 0);
	assert_int_equal(r.fd, STDIN_FILENO);
	reader_close(&r);
	assert_int_equal(fcntl(STDIN_FILENO, F_GETFD), -1);
	fd = open("/dev/null", O_RDONLY);
	reader_open_fd(&r, "given", fd);
	reader_close(&r);
	assert_int_not_equal(fcntl(fd, F_GETFD), -1);
	close(fd);
	reader_free(&r);
	dup2(saved, STDIN_FILENO);
	close(saved);
}

/*
 * The structural pass (reader_next_split(), scan_blocks()) against the
 * plain reader and parser on the portable scanner: hostile text whose
 * lines straddle 32- and 64-byte blocks, the reader's chunks of blocks
 * and its buffer refills, read from memory, a file and a pipe in small
 * pieces, on every scanner this CPU has.  Same lines, same verdicts, same
 * columns, same canonical records.
 */
static const char *const impls[] = { "portable", "sse2", "avx2", "avx512" };

struct verdict {
	size_t		 off, len;	/* the line as framed, in the text */
	size_t		 end;		/* one past its LF */
	int		 kind, err, field;
	size_t		 col;
	unsigned	 arg;
	struct buf	 canon;		/* a record's rec_format() */
};

static size_t
hostile_text(char *p, size_t max, size_t maxline)
{
	static const char *const pieces[] = {
		"a", "b c", "Z", " ", "\t", "\\", "\\n", "\\t", "\\\\", "\\q",
		"\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xc2\xa0",
		"\xef\xbb\xbf", ",", "#", "\r", "\xc2\x9b", "\x7f", "\x01",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xe0\x80\xaf",
		"\x80", "\xff", "\xc3", "\xe4\xb8", "\xf0\x9f\x98"
	};
	static const char *const starts[] = {
		"", "id\tt\t", "x-1\ta,b\tq\t", "\t\t", "#", "id\tA, b\t"
	};
	size_t n = 0;

	while (n + maxline + 64 < max) {
		/* Lengths around 32 and 64, and any. */
		int around = 32 * (rand() % 9) + rand() % 5 - 2;
		size_t want = rand() % 2 && around > 0 ? (size_t)around :
		    (size_t)rand() % maxline;
		const char *st = starts[rand() % 6];
		/* Or one piece over and over: one at every block edge. */
		const char *again = rand() % 4 ? NULL : pieces[10 + rand() % 20];
		size_t line = n;

		memcpy(p + n, st, strlen(st));
		n += strlen(st);
		while (n - line < want) {
			/* Mostly clean text, as real banks are. */
			const char *pc = again != NULL ? again : rand() % 3 ?
			    "plain words " : pieces[rand() % (rand() % 4 ? 15 : 30)];

			memcpy(p + n, pc, strlen(pc));
			n += strlen(pc);
		}
		if (rand() % 8 == 0)
			p[n++] = '\r';
		p[n++] = '\n';
	}
	if (rand() % 2)
		n--;		/* no LF at the end */
	return n;
}

static size_t
reference(const char *text, size_t n, struct verdict **vp)
{
	struct reader rd = { 0 };
	struct rec r = { 0 };
	struct verdict *v = NULL;
	struct span l;
	size_t nv = 0;

	scan_select("portable");
	reader_open_mem(&rd, "mem", text, n);
	while (reader_next(&rd, &l) == 1) {
		struct verdict *w;

		v = realloc(v, (nv + 1) * sizeof(*v));
		assert_non_null(v);
		w = &v[nv++];
		memset(w, 0, sizeof(*w));
		w->off = (size_t)(l.p - text);
		w->len = l.len;
		w->end = rd.start;
		w->kind = (int)rec_parse(&r, l.p, l.len);
		w->err = (int)r.err;
		w->field = (int)r.errfield;
		w->col = r.errcol;
		w->arg = r.errarg;
		if (w->kind == REC_RECORD)
			rec_format(&r, &w->canon);
	}
	rec_free(&r);
	reader_free(&rd);
	scan_select(NULL);
	*vp = v;
	return nv;
}

/* Reads lines i to upto of the reference from rd; checks each. */
static void
split_agrees(struct reader *rd, struct rec *r, const char *text,
    const struct verdict *v, size_t *i, size_t upto)
{
	struct scan_fields f;
	struct buf canon = { 0 };
	struct span l;

	for (; *i < upto; (*i)++) {
		const struct verdict *w = &v[*i];

		assert_int_equal(reader_next_split(rd, &l, &f), 1);
		assert_int_equal(l.len, w->len);
		assert_memory_equal(l.p, text + w->off, l.len);
		assert_int_equal(rec_parse_split(r, l.p, l.len, &f), w->kind);
		assert_int_equal(r->err, w->err);
		if (w->kind == REC_INVALID) {
			assert_int_equal(r->errfield, w->field);
			assert_int_equal(r->errcol, w->col);
			assert_int_equal(r->errarg, w->arg);
		}
		if (w->kind == REC_RECORD) {
			buf_reset(&canon);
			rec_format(r, &canon);
			assert_int_equal(canon.len, w->canon.len);
			assert_memory_equal(canon.p, w->canon.p, canon.len);
		}
	}
	buf_free(&canon);
}

static void
split_on_every_scanner(void **state)
{
	size_t max = 700 * 1000, n, nv, i, k;
	char *text = malloc(max);
	struct verdict *v;
	int round;

	(void)state;
	assert_non_null(text);
	srand(64);
	for (round = 0; round < 6; round++) {
		n = hostile_text(text, round < 3 ? 40000 : max,
		    round == 5 ? 200000 : 300);
		nv = reference(text, n, &v);
		for (k = 0; k < sizeof(impls) / sizeof(impls[0]); k++) {
			char path[] = "/tmp/qb-line-XXXXXX";
			struct reader rd = { 0 };
			struct rec r = { 0 };
			struct scan_fields f;
			struct span l;
			int fd;

			if (scan_select(impls[k]) < 0)
				continue;
			/* From memory. */
			reader_open_mem(&rd, "mem", text, n);
			i = 0;
			split_agrees(&rd, &r, text, v, &i, nv);
			assert_int_equal(reader_next_split(&rd, &l, &f), 0);
			/* From a file, refilled block by block. */
			fd = mkstemp(path);
			assert_true(fd >= 0);
			assert_int_equal(write(fd, text, n), (ssize_t)n);
			close(fd);
			assert_int_equal(reader_open(&rd, path), 0);
			i = 0;
			split_agrees(&rd, &r, text, v, &i, nv);
			assert_int_equal(reader_next_split(&rd, &l, &f), 0);
			reader_close(&rd);
			unlink(path);
			rec_free(&r);
			reader_free(&rd);
		}
		for (i = 0; i < nv; i++)
			buf_free(&v[i].canon);
		free(v);
	}
	scan_select(NULL);
	free(text);
}

/*
 * A pipe written a few bytes at a time: each read() gets what is there,
 * so lines and blocks are cut anywhere.  Only lines whose LF is written
 * are asked for, so no read() waits.
 */
static void
split_from_a_trickling_pipe(void **state)
{
	size_t max = 60000, n, nv, i, k, sent, piece;
	char *text = malloc(max);
	struct verdict *v;

	(void)state;
	assert_non_null(text);
	srand(32);
	n = hostile_text(text, max, 300);
	nv = reference(text, n, &v);
	for (k = 0; k < sizeof(impls) / sizeof(impls[0]); k++) {
		struct reader rd = { 0 };
		struct rec r = { 0 };
		struct scan_fields f;
		struct span l;
		size_t ready;
		int p[2];

		if (scan_select(impls[k]) < 0)
			continue;
		assert_int_equal(pipe(p), 0);
		reader_open_fd(&rd, "pipe", p[0]);
		for (i = sent = 0; sent < n; sent += piece) {
			piece = 1 + (size_t)rand() % 150;
			if (piece > n - sent)
				piece = n - sent;
			assert_int_equal(write(p[1], text + sent, piece),
			    (ssize_t)piece);
			for (ready = i; ready < nv && v[ready].end <= sent +
			    piece && text[v[ready].end - 1] == '\n'; ready++)
				;
			split_agrees(&rd, &r, text, v, &i, ready);
		}
		close(p[1]);
		split_agrees(&rd, &r, text, v, &i, nv);
		assert_int_equal(reader_next_split(&rd, &l, &f), 0);
		close(p[0]);
		rec_free(&r);
		reader_free(&rd);
	}
	for (i = 0; i < nv; i++)
		buf_free(&v[i].canon);
	free(v);
	scan_select(NULL);
	free(text);
}

/*
 * A sequence cut off, or a C1 control, with its bytes on either side of a
 * block edge and of the edge of the reader's chunk of blocks (4 KiB from
 * where it began): the verdict must not change.
 */
static void
split_sequences_across_chunks(void **state)
{
	static const char *const cut[] = {
		"\xc3", "\xe4\xb8", "\xf0\x9f\x98", "\xc2\x9b", "\xed\xa0\x80",
		"\xc3\xa9", "\xf0\x9f\x98\x80"
	};
	char text[4200];
	size_t o, c, k;

	(void)state;
	for (c = 0; c < sizeof(cut) / sizeof(cut[0]); c++)
		for (o = 4085; o < 4100; o++) {
			size_t n = 0;
			struct verdict *v;

			memcpy(text, "id\tt\t", 5);
			memset(text + 5, 'q', o - 5);
			n = o;
			memcpy(text + n, cut[c], strlen(cut[c]));
			n += strlen(cut[c]);
			memcpy(text + n, "qqqq\tanswer\n", 12);
			n += 12;
			assert_int_equal(reference(text, n, &v), 1);
			for (k = 0; k < sizeof(impls) / sizeof(impls[0]); k++) {
				struct reader rd = { 0 };
				struct rec r = { 0 };
				size_t i = 0;

				if (scan_select(impls[k]) < 0)
					continue;
				reader_open_mem(&rd, "mem", text, n);
				split_agrees(&rd, &r, text, v, &i, 1);
				rec_free(&r);
				reader_free(&rd);
			}
			buf_free(&v[0].canon);
			free(v);
		}
	scan_select(NULL);
}

/* Two readers of one descriptor: up to a limit, and from it on. */
static void
range_and_limit(void **state)
{
	char path[] = "/tmp/qb-line-range-XXXXXX";
	static const char text[] = "\xef\xbb\xbf" "a\nbb\n\xef\xbb\xbf" "c\nd";
	struct reader head = { 0 }, tail = { 0 };
	struct span l;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_int_equal(write(fd, text, sizeof(text) - 1), sizeof(text) - 1);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	reader_open_fd(&head, path, fd);
	reader_stop_at(&head, 8);
	reader_open_range(&tail, path, fd, 8, -1);
	assert_int_equal(reader_next(&tail, &l), 1);	/* no BOM skipped */
	assert_int_equal(l.len, 4);
	assert_memory_equal(l.p, "\xef\xbb\xbf" "c", 4);
	assert_int_equal(tail.lineno, 1);
	assert_int_equal(reader_next(&tail, &l), 1);
	assert_memory_equal(l.p, "d", 1);
	assert_int_equal(reader_next(&tail, &l), 0);
	assert_int_equal(reader_next(&head, &l), 1);	/* BOM skipped */
	assert_memory_equal(l.p, "a", l.len);
	assert_int_equal(reader_next(&head, &l), 1);
	assert_memory_equal(l.p, "bb", l.len);
	assert_int_equal(reader_next(&head, &l), 0);
	assert_true(reader_at_limit(&head));
	reader_go_on(&head);
	assert_int_equal(reader_next(&head, &l), 1);
	assert_int_equal(head.lineno, 3);
	assert_int_equal(l.len, 4);
	assert_int_equal(reader_next(&head, &l), 1);
	assert_int_equal(reader_next(&head, &l), 0);
	assert_false(reader_at_limit(&head));
	reader_free(&head);
	reader_free(&tail);
	close(fd);
	unlink(path);
}

/* Reading goes on from another offset, a line start, with its number. */
static void
restart_at_an_offset(void **state)
{
	char path[] = "/tmp/qb-line-restart-XXXXXX";
	static const char text[] = "a\nbb\nccc\ndddd\n";
	struct reader r = { 0 };
	struct span l;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_int_equal(write(fd, text, sizeof(text) - 1), sizeof(text) - 1);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	reader_open_fd(&r, path, fd);
	reader_stop_at(&r, 2);
	assert_int_equal(reader_next(&r, &l), 1);
	assert_int_equal(reader_next(&r, &l), 0);
	assert_true(reader_at_limit(&r));
	/* Past "bb", read by another: "ccc" is line 3. */
	assert_int_equal(reader_restart_at(&r, 5, 2), 0);
	reader_stop_at(&r, 9);
	assert_int_equal(reader_next(&r, &l), 1);
	assert_int_equal(r.lineno, 3);
	assert_memory_equal(l.p, "ccc", l.len);
	assert_int_equal(reader_offset(&r, l.p), 5);
	assert_int_equal(reader_next(&r, &l), 0);
	assert_true(reader_at_limit(&r));
	/* Back to the start, with no limit: to the end. */
	assert_int_equal(reader_restart_at(&r, 0, 0), 0);
	assert_int_equal(reader_next(&r, &l), 1);
	assert_int_equal(r.lineno, 1);
	assert_int_equal(reader_next(&r, &l), 1);
	assert_int_equal(reader_next(&r, &l), 1);
	assert_int_equal(reader_next(&r, &l), 1);
	assert_memory_equal(l.p, "dddd", l.len);
	assert_int_equal(reader_next(&r, &l), 0);
	assert_false(reader_at_limit(&r));
	reader_close(&r);
	/* Memory cannot seek. */
	reader_open_mem(&r, "m", text, sizeof(text) - 1);
	assert_int_equal(reader_restart_at(&r, 2, 1), -1);
	reader_free(&r);
	close(fd);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(framing),
		cmocka_unit_test(bom_only_on_first_line),
		cmocka_unit_test(empty_input),
		cmocka_unit_test(nul_bytes_stay_in_the_line),
		cmocka_unit_test(long_lines_from_file),
		cmocka_unit_test(many_short_lines_from_file),
		cmocka_unit_test(open_errors),
		cmocka_unit_test(owned_descriptors_only_are_closed),
		cmocka_unit_test(split_on_every_scanner),
		cmocka_unit_test(split_from_a_trickling_pipe),
		cmocka_unit_test(split_sequences_across_chunks),
		cmocka_unit_test(range_and_limit),
		cmocka_unit_test(restart_at_an_offset),
	};

	return cmocka_run_group_tests_name("line", tests, NULL, NULL);
}
