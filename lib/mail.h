/*
 * One RFC 5322 message for sendmail -t: header fields with RFC 2047
 * encoded-words for non-ASCII text, folded; a quoted-printable body whose
 * lines stay within 76 octets; and checks that keep header injection out.
 */
#ifndef QB_MAIL_H
#define QB_MAIL_H

#include <stddef.h>

#include "buf.h"

/* Is the value free of control characters and valid UTF-8? */
int	mail_header_ok(const char *value);
/* Appends "Name: value" (Subject-like text), encoded and folded, LF. */
void	mail_text_header(struct buf *, const char *name, const char *value);
/*
 * Appends "Name: a, b" for comma-separated address lists, folded; a
 * non-ASCII display name ("Name <addr>") becomes an encoded-word.
 */
void	mail_address_header(struct buf *, const char *name,
	    char *const *lists, size_t n);
/* Appends one body line, quoted-printable, with soft breaks, LF. */
void	mail_qp_line(struct buf *, const char *line, size_t len);
/* user@host for the user running the command, without HOME or USER. */
void	mail_default_from(struct buf *);
/* Date and Message-ID header fields for now, LF-terminated. */
void	mail_date_and_id(struct buf *);

#endif
