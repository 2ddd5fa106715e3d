/*
 * qb-fmt's template parser and renderer: any format string is either
 * refused with a message or renders a record without crashing.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "template.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char line[] = "id-1\ta,b\tQ\\tq\\nq\tA\\\\a";
	static struct rec r;
	static struct buf out;
	struct template t;
	char *fmt, err[128];

	if (r.id.len == 0 && rec_parse(&r, line, sizeof(line) - 1) != REC_RECORD)
		abort();
	fmt = malloc(size + 1);
	memcpy(fmt, data, size);
	fmt[size] = '\0';
	if (template_parse(&t, fmt, err, sizeof(err)) == 0) {
		buf_reset(&out);
		template_render(&t, &r, 42, &out);
	} else if (strstr(err, "template") == NULL)
		abort();
	template_free(&t);
	free(fmt);
	return 0;
}
