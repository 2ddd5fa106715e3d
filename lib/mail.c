/*
 * Lines end in LF: sendmail(8) and its kin take the message in the local
 * convention and make CRLF themselves.  Encoded-words are "B" (base64),
 * cut only between characters, at most 75 octets each (RFC 2047 §2), one
 * a folded line.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mail.h"
#include "rng.h"
#include "utf8.h"

#define MAIL_LINE_MAX	78
#define QP_LINE_MAX	76
/* "=?UTF-8?B?" + 4 * ceil(45 / 3) + "?=": 45 octets make 72. */
#define EW_CHUNK	45

int
mail_header_ok(const char *v)
{
	return utf8_printable(v, strlen(v));
}

static int
is_plain_ascii(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] >= 0x7f || (unsigned char)p[i] < 0x20)
			return 0;
	return 1;
}

static void
base64(struct buf *b, const unsigned char *p, size_t n)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;

	for (i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;

		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		buf_addc(b, digits[(v >> 18) & 63]);
		buf_addc(b, digits[(v >> 12) & 63]);
		buf_addc(b, i + 1 < n ? digits[(v >> 6) & 63] : '=');
		buf_addc(b, i + 2 < n ? digits[v & 63] : '=');
	}
}

/*
 * Encoded-words for the text, each on its own folded line after the first,
 * which starts at column col.
 */
static void
encoded_words(struct buf *b, const char *p, size_t n, size_t col)
{
	int first = 1;

	while (n > 0) {
		size_t take = 0, room = EW_CHUNK;

		/* Base64 makes 4 octets of 3; "=?UTF-8?B?" and "?=" take 12. */
		if (col + 12 + 4 * (EW_CHUNK / 3) > MAIL_LINE_MAX)
			room = col + 12 + 8 < MAIL_LINE_MAX ?
			    (MAIL_LINE_MAX - col - 12) / 4 * 3 : 6;
		while (take < n) {
			size_t len = utf8_decode((const unsigned char *)p + take,
			    n - take, NULL);

			if (len == 0)
				len = 1;
			if (take + len > room && take > 0)
				break;
			take += len;
		}
		if (!first)
			buf_adds(b, "\n ");
		buf_adds(b, "=?UTF-8?B?");
		base64(b, (const unsigned char *)p, take);
		buf_adds(b, "?=");
		p += take;
		n -= take;
		first = 0;
		col = 1;
	}
}

void
mail_text_header(struct buf *b, const char *name, const char *value)
{
	size_t n = strlen(value);

	buf_adds(b, name);
	buf_adds(b, ": ");
	if (is_plain_ascii(value, n) && strlen(name) + 2 + n <= MAIL_LINE_MAX &&
	    strstr(value, "=?") == NULL)
		buf_add(b, value, n);
	else
		encoded_words(b, value, n, strlen(name) + 2);
	buf_addc(b, '\n');
}

static void
one_address(struct buf *b, const char *p, size_t n)
{
	const char *lt;

	while (n > 0 && *p == ' ') {
		p++;
		n--;
	}
	while (n > 0 && p[n - 1] == ' ')
		n--;
	lt = memchr(p, '<', n);
	if (lt != NULL && !is_plain_ascii(p, (size_t)(lt - p))) {
		size_t namelen = (size_t)(lt - p);

		while (namelen > 0 && p[namelen - 1] == ' ')
			namelen--;
		encoded_words(b, p, namelen, 1);
		buf_addc(b, ' ');
		buf_add(b, lt, n - (size_t)(lt - p));
	} else
		buf_add(b, p, n);
}

void
mail_address_header(struct buf *b, const char *name, char *const *lists,
    size_t n)
{
	size_t i, count = 0;

	buf_adds(b, name);
	buf_adds(b, ": ");
	for (i = 0; i < n; i++) {
		const char *p = lists[i];

		while (*p != '\0') {
			size_t len = strcspn(p, ",");

			if (strspn(p, " ") < len) {
				if (count++ > 0)
					buf_adds(b, ",\n ");	/* folded */
				one_address(b, p, len);
			}
			p += len + (p[len] == ',');
		}
	}
	buf_addc(b, '\n');
}

void
mail_qp_line(struct buf *b, const char *p, size_t n)
{
	size_t col = 0, i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		char piece[4];
		size_t len;

		/* Spaces survive only inside a line; '=' and 8-bit are coded. */
		if ((c >= 33 && c <= 126 && c != '=') ||
		    ((c == ' ' || c == '\t') && i + 1 < n)) {
			piece[0] = (char)c;
			len = 1;
		} else {
			snprintf(piece, sizeof(piece), "=%02X", c);
			len = 3;
		}
		if (col + len > QP_LINE_MAX - 1) {
			buf_adds(b, "=\n");	/* a soft line break */
			col = 0;
		}
		buf_add(b, piece, len);
		col += len;
	}
	buf_addc(b, '\n');
}

/* This host's name, or "localhost" when it has none. */
static void
host_name(char *host, size_t size)
{
	if (gethostname(host, size) != 0 || host[0] == '\0')
		snprintf(host, size, "localhost");
	host[size - 1] = '\0';
}

void
mail_default_from(struct buf *b)
{
	struct passwd *pw = getpwuid(geteuid());
	char host[256];

	if (pw != NULL && pw->pw_name != NULL && *pw->pw_name != '\0')
		buf_adds(b, pw->pw_name);
	else {
		char uid[32];

		snprintf(uid, sizeof(uid), "uid%lu", (unsigned long)geteuid());
		buf_adds(b, uid);
	}
	buf_addc(b, '@');
	host_name(host, sizeof(host));
	buf_adds(b, host);
}

void
mail_date_and_id(struct buf *b)
{
	time_t now = time(NULL);
	struct tm tm;
	char date[64], id[256], host[128];
	struct rng r;

	/*
	 * The C locale's names, whatever LC_TIME says: we never call
	 * setlocale(), and RFC 5322 wants English day and month names.
	 */
	localtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S %z", &tm);
	buf_adds(b, "Date: ");
	buf_adds(b, date);
	buf_addc(b, '\n');
	host_name(host, sizeof(host));
	if (rng_seed_os(&r) != 0)
		rng_seed(&r, (uint64_t)now ^ ((uint64_t)getpid() << 32));
	strftime(date, sizeof(date), "%Y%m%d%H%M%S", &tm);
	snprintf(id, sizeof(id), "<%s.%lu.%016llx@%s>", date,
	    (unsigned long)getpid(), (unsigned long long)rng_next(&r), host);
	buf_adds(b, "Message-ID: ");
	buf_adds(b, id);
	buf_addc(b, '\n');
}
