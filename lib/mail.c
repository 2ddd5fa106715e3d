/*
 * Lines end in LF: sendmail(8) and its kin take the message in the local
 * convention and make CRLF themselves.  Encoded-words are "B" (base64),
 * cut only between characters, at most 75 octets each (RFC 2047 §2), one
 * a folded line.  An address is at most 254 octets (RFC 5321's path less
 * its brackets), so even its line stays far below 998.
 */
#include <pwd.h>
#include <stdint.h>
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
#define ADDR_MAX	254
#define LOCAL_MAX	64
#define DOMAIN_MAX	253
/* "=?UTF-8?B?" + 4 * ceil(45 / 3) + "?=": 45 octets make 72. */
#define EW_CHUNK	45

/* Code points no header may hold: controls and line separators. */
static int
is_bad_cp(uint32_t c)
{
	return utf8_is_control(c) || c == 0x2028 || c == 0x2029;
}

int
mail_header_ok(const char *v)
{
	const unsigned char *p = (const unsigned char *)v;
	size_t n = strlen(v), len;
	uint32_t c;

	while (n > 0) {
		if ((len = utf8_decode(p, n, &c)) == 0 || is_bad_cp(c))
			return 0;
		p += len;
		n -= len;
	}
	return 1;
}

/* RFC 5322 atext. */
static int
is_atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

static int
is_dot_atom(const char *p, size_t n)
{
	size_t i;

	if (n == 0 || p[0] == '.' || p[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++)
		if (p[i] == '.' ? p[i + 1] == '.' : !is_atext((unsigned char)p[i]))
			return 0;
	return 1;
}

int
mail_addr_ok(const char *p, size_t n)
{
	const char *at = NULL;
	size_t i, local;

	if (n == 0 || n > ADDR_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] >= 0x7f)
			return 0;
	for (i = n; i > 0; i--)
		if (p[i - 1] == '@') {
			at = p + i - 1;
			break;
		}
	if (at == NULL)
		return 0;
	local = (size_t)(at - p);
	if (local == 0 || local > LOCAL_MAX || n - local - 1 > DOMAIN_MAX)
		return 0;
	if (p[0] == '"') {
		/* A quoted local part; without backslashes (see mail.h). */
		if (local < 2 || p[local - 1] != '"')
			return 0;
		for (i = 1; i < local - 1; i++)
			if (p[i] == '"' || p[i] == '\\')
				return 0;
	} else if (!is_dot_atom(p, local))
		return 0;
	at++;
	n -= local + 1;
	if (n >= 2 && at[0] == '[' && at[n - 1] == ']') {
		for (i = 1; i < n - 1; i++)
			if (strchr("[]\\ ", at[i]) != NULL)
				return 0;
		return 1;
	}
	return is_dot_atom(at, n);
}

static void
trim(const char **p, size_t *n)
{
	while (*n > 0 && (**p == ' ' || **p == '\t')) {
		(*p)++;
		(*n)--;
	}
	while (*n > 0 && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t'))
		(*n)--;
}

static char *
xstrndup(const char *p, size_t n)
{
	char *s = xmalloc(n + 1);

	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

/* One mailbox, trimmed; NULL or what is wrong. */
static const char *
parse_box(const char *p, size_t n, struct mail_box *box)
{
	const char *lt = NULL, *name = p, *addr = p;
	size_t namelen = 0, addrlen = n, i;
	int quoted = 0;

	for (i = 0; i < n; i++) {
		if (p[i] == '"' && (i == 0 || p[i - 1] != '\\'))
			quoted = !quoted;
		else if (p[i] == '<' && !quoted) {
			lt = p + i;
			break;
		}
	}
	if (lt != NULL) {
		if (p[n - 1] != '>')
			return "text after '>', or no '>'";
		namelen = (size_t)(lt - p);
		trim(&name, &namelen);
		addr = lt + 1;
		addrlen = (size_t)(p + n - 1 - addr);
	}
	if (!utf8_is_ascii(addr, addrlen))
		return "a non-ASCII address (only ASCII addresses are "
		    "supported; RFC 6532 is not)";
	if (addrlen > ADDR_MAX)
		return "an address longer than 254 octets";
	if (!mail_addr_ok(addr, addrlen))
		return "not an address of the form user@domain";
	box->addr = xstrndup(addr, addrlen);
	box->name = NULL;
	if (namelen >= 2 && name[0] == '"' && name[namelen - 1] == '"') {
		struct buf b = { 0 };

		/* A quoted-string: its quoted pairs stand for themselves. */
		for (i = 1; i < namelen - 1; i++) {
			if (name[i] == '\\' && i + 1 < namelen - 1)
				i++;
			buf_addc(&b, name[i]);
		}
		box->name = xstrdup(buf_cstr(&b));
		buf_free(&b);
	} else if (namelen > 0)
		box->name = xstrndup(name, namelen);
	if (box->name != NULL && box->name[0] == '\0') {
		free(box->name);
		box->name = NULL;
	}
	return NULL;
}

const char *
mail_parse_list(const char *list, struct mail_box **v, size_t *n)
{
	size_t start = *n;
	const char *p = list;

	if (!mail_header_ok(list))
		return "control characters, line separators or invalid UTF-8";
	while (*p != '\0') {
		const char *item = p, *why;
		size_t len;
		int quoted = 0, angle = 0;

		/* Commas inside quotes or angle brackets separate nothing. */
		for (; *p != '\0'; p++) {
			if (*p == '\\' && quoted && p[1] != '\0')
				p++;
			else if (*p == '"' && !angle)
				quoted = !quoted;
			else if (*p == '<' && !quoted)
				angle = 1;
			else if (*p == '>' && !quoted)
				angle = 0;
			else if (*p == ',' && !quoted && !angle)
				break;
		}
		len = (size_t)(p - item);
		if (*p == ',')
			p++;
		trim(&item, &len);
		if (len == 0)
			continue;
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		if ((why = parse_box(item, len, &(*v)[*n])) != NULL) {
			mail_boxes_free(*v + start, *n - start);
			*n = start;
			return why;
		}
		(*n)++;
	}
	return *n > start ? NULL : "no address";
}

void
mail_boxes_free(struct mail_box *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].addr);
	}
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
 * which starts at column col; the column after the last.
 */
static size_t
encoded_words(struct buf *b, const char *p, size_t n, size_t col)
{
	int first = 1;

	while (n > 0) {
		size_t take = 0, room = EW_CHUNK;

		/* Each word after the first, and a first too wide, folds. */
		if (!first || col + 12 + 8 > MAIL_LINE_MAX) {
			buf_adds(b, "\n ");
			col = 1;
		}
		/* Base64 makes 4 octets of 3; "=?UTF-8?B?" and "?=" take 12. */
		if (col + 12 + 4 * (EW_CHUNK / 3) > MAIL_LINE_MAX)
			room = (MAIL_LINE_MAX - col - 12) / 4 * 3;
		while (take < n) {
			size_t len = utf8_decode((const unsigned char *)p + take,
			    n - take, NULL);

			if (len == 0)
				len = 1;
			if (take + len > room && take > 0)
				break;
			take += len;
		}
		buf_adds(b, "=?UTF-8?B?");
		base64(b, (const unsigned char *)p, take);
		buf_adds(b, "?=");
		col += 12 + (take + 2) / 3 * 4;
		p += take;
		n -= take;
		first = 0;
	}
	return col;
}

/* Printable ASCII, no backslash, nothing that looks like an encoded-word. */
static int
is_plain(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] >= 0x7f ||
		    p[i] == '\\' || (p[i] == '=' && i + 1 < n && p[i + 1] == '?'))
			return 0;
	return 1;
}

void
mail_text_header(struct buf *b, const char *name, const char *value)
{
	size_t n = strlen(value), col = strlen(name) + 2;

	buf_adds(b, name);
	buf_adds(b, ": ");
	if (is_plain(value, n) && col + n <= MAIL_LINE_MAX)
		buf_add(b, value, n);
	else
		encoded_words(b, value, n, col);
	buf_addc(b, '\n');
}

/* A phrase of atoms: what a display name may be without quotes. */
static int
is_atom_phrase(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && !is_atext((unsigned char)p[i]))
			return 0;
	return n > 0 && p[0] != ' ' && p[n - 1] != ' ';
}

/* Writes one mailbox at column col; the column after it. */
static size_t
one_box(struct buf *b, const struct mail_box *m, size_t col)
{
	size_t alen = strlen(m->addr);

	if (m->name != NULL) {
		const char *nm = m->name;
		size_t n = strlen(nm), quotes = 2;

		if (is_atom_phrase(nm, n))
			quotes = 0;
		if (is_plain(nm, n) && strchr(nm, '"') == NULL &&
		    col + quotes + n <= MAIL_LINE_MAX) {
			if (quotes)
				buf_addc(b, '"');
			buf_add(b, nm, n);
			if (quotes)
				buf_addc(b, '"');
			col += quotes + n;
		} else
			col = encoded_words(b, nm, n, col);
		/* The address on the next line when it does not fit. */
		if (col + 3 + alen > MAIL_LINE_MAX) {
			buf_adds(b, "\n <");
			col = 0;
		} else
			buf_adds(b, " <");
		buf_adds(b, m->addr);
		buf_addc(b, '>');
		return col + 3 + alen;
	}
	buf_adds(b, m->addr);
	return col + alen;
}

void
mail_address_header(struct buf *b, const char *name,
    const struct mail_box *v, size_t n)
{
	size_t i, col = strlen(name) + 2;

	buf_adds(b, name);
	buf_adds(b, ": ");
	for (i = 0; i < n; i++) {
		if (i > 0) {
			buf_adds(b, ",\n ");	/* folded */
			col = 1;
		}
		col = one_box(b, &v[i], col);
	}
	buf_addc(b, '\n');
}

void
mail_subject(struct buf *b, const char *text, size_t len, size_t max)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t start = b->len, chars = 0, cut = 0, cut_chars = 0, n;
	int space = 0;
	uint32_t c;

	for (; len > 0; p += n, len -= n) {
		if ((n = utf8_decode(p, len, &c)) == 0) {
			n = 1;
			c = 0xfffd;
		}
		if (c == ' ' || is_bad_cp(c)) {
			space = b->len > start;
			continue;
		}
		if (space) {
			cut = b->len;	/* a word boundary */
			cut_chars = chars;
			buf_addc(b, ' ');
			chars++;
			space = 0;
		}
		if (chars >= max)
			break;
		if (c == 0xfffd && n == 1)
			buf_adds(b, "\xef\xbf\xbd");
		else
			buf_add(b, p, n);
		chars++;
	}
	if (len == 0)
		return;
	/* Too long: cut at the last space, if not too far back. */
	if (cut > start && cut_chars >= max / 2)
		b->len = cut;
	while (b->len > start && b->p[b->len - 1] == ' ')
		b->len--;
	buf_adds(b, "...");
}

void
mail_qp_line(struct buf *b, const char *p, size_t n)
{
	size_t col = 0, i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		char piece[4];
		size_t len;

		/*
		 * Spaces survive only inside a line; '=', '\' and 8-bit are
		 * coded, and so is a '.' that starts a line, so that no line
		 * is a lone "." (the end of a message to sendmail without -i),
		 * and an "F" that starts "From ", which mbox files change.
		 */
		if ((c >= 33 && c <= 126 && c != '=' && c != '\\' &&
		    !(c == '.' && col == 0) && !(c == 'F' && col == 0 &&
		    n - i >= 5 && memcmp(p + i, "From ", 5) == 0)) ||
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
			if (len == 1 && (c == '.' || (c == 'F' && n - i >= 5 &&
			    memcmp(p + i, "From ", 5) == 0))) {
				snprintf(piece, sizeof(piece), "=%02X", c);
				len = 3;
			}
		}
		buf_add(b, piece, len);
		col += len;
	}
	buf_addc(b, '\n');
}

/* LDH labels, dot-separated, within 253 octets. */
static int
is_domain(const char *s)
{
	size_t n = strlen(s), i, label = 0;

	if (n == 0 || n > DOMAIN_MAX)
		return 0;
	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			if (label == 0 || label > 63 || s[i - 1] == '-')
				return 0;
			label = 0;
		} else if ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' &&
		    s[i] <= '9') || (s[i] == '-' && label > 0))
			label++;
		else
			return 0;
	}
	return 1;
}

void
mail_domain(char *out, size_t size, const char *mailname, const char *host)
{
	char line[512], name[256];
	FILE *fp;

	if (mailname != NULL && (fp = fopen(mailname, "r")) != NULL) {
		if (fgets(line, sizeof(line), fp) != NULL) {
			line[strcspn(line, "\r\n")] = '\0';
			if (is_domain(line) && strlen(line) < size) {
				fclose(fp);
				snprintf(out, size, "%s", line);
				return;
			}
		}
		fclose(fp);
	}
	if (host == NULL) {
		if (gethostname(name, sizeof(name)) != 0)
			name[0] = '\0';
		name[sizeof(name) - 1] = '\0';
		host = name;
	}
	snprintf(out, size, "%s", is_domain(host) && strlen(host) < size ?
	    host : "localhost");
}

void
mail_self(struct buf *b)
{
	struct passwd *pw = getpwuid(geteuid());
	char domain[256];

	if (pw != NULL && pw->pw_name != NULL &&
	    is_dot_atom(pw->pw_name, strlen(pw->pw_name)) &&
	    strlen(pw->pw_name) <= LOCAL_MAX)
		buf_adds(b, pw->pw_name);
	else {
		char uid[32];

		snprintf(uid, sizeof(uid), "uid%lu", (unsigned long)geteuid());
		buf_adds(b, uid);
	}
	buf_addc(b, '@');
	mail_domain(domain, sizeof(domain), "/etc/mailname", NULL);
	buf_adds(b, domain);
}

void
mail_date_and_id(struct buf *b)
{
	time_t now = time(NULL);
	struct tm tm;
	char date[64], id[400], domain[256];
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
	mail_domain(domain, sizeof(domain), "/etc/mailname", NULL);
	if (rng_seed_os(&r) != 0)
		rng_seed(&r, (uint64_t)now ^ ((uint64_t)getpid() << 32));
	strftime(date, sizeof(date), "%Y%m%d%H%M%S", &tm);
	snprintf(id, sizeof(id), "<%s.%lu.%016llx@%s>", date,
	    (unsigned long)getpid(), (unsigned long long)rng_next(&r), domain);
	buf_adds(b, "Message-ID: ");
	buf_adds(b, id);
	buf_addc(b, '\n');
}
