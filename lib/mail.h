/*
 * One RFC 5322 message for sendmail -t: addresses checked as addr-specs,
 * display names and other non-ASCII header text as RFC 2047 encoded-words
 * apart from the address, every header line folded within 78 octets; a
 * quoted-printable body whose lines stay within 76 octets and never hold a
 * lone "."; and checks that keep header injection out.
 *
 * The whole message is 7-bit ASCII without a backslash, so that a shell's
 * echo (which may read backslash escapes) passes it on unchanged.
 */
#ifndef QB_MAIL_H
#define QB_MAIL_H

#include <stddef.h>

#include "buf.h"

/* A mailbox: an optional display name (UTF-8) and an ASCII addr-spec. */
struct mail_box {
	char	*name;		/* NULL: none */
	char	*addr;
};

/*
 * Is the value valid UTF-8 free of control characters (C0, DEL, C1, so
 * U+0085 too) and of U+2028 and U+2029?
 */
int	mail_header_ok(const char *value);
/* Is p (n octets) an RFC 5322 addr-spec, ASCII, within 254 octets? */
int	mail_addr_ok(const char *p, size_t n);
/*
 * Parses a comma-separated list of mailboxes ("addr", "<addr>",
 * "Name <addr>" or "\"Name, Inc.\" <addr>") and appends them to *v.
 * NULL, or what is wrong, for a message (the list unchanged then).
 */
const char *mail_parse_list(const char *list, struct mail_box **v,
	    size_t *n);
void	mail_boxes_free(struct mail_box *, size_t);
/* Appends "Name: value" (Subject-like text), encoded and folded, LF. */
void	mail_text_header(struct buf *, const char *name, const char *value);
/*
 * Appends "Name: a, b" for the mailboxes, folded; each display name is
 * written on its own (encoded-words when needed), the address plain.
 */
void	mail_address_header(struct buf *, const char *name,
	    const struct mail_box *, size_t n);
/*
 * Appends text fit for a Subject: every run of white space, line or
 * paragraph separators and control characters becomes one space, and
 * text longer than max characters is cut at a word boundary, with "...".
 */
void	mail_subject(struct buf *, const char *text, size_t len, size_t max);
/* Appends one body line, quoted-printable, with soft breaks, LF. */
void	mail_qp_line(struct buf *, const char *line, size_t len);
/*
 * The mail domain: the first line of mailname (Debian's /etc/mailname)
 * when it is a domain name, else host (NULL: gethostname()) when it is
 * one, else "localhost".
 */
void	mail_domain(char *out, size_t size, const char *mailname,
	    const char *host);
/* The running user as a mailbox at the system's mail domain. */
void	mail_self(struct buf *);
/* Date and Message-ID header fields for now, LF-terminated. */
void	mail_date_and_id(struct buf *);

#endif
