/*
 * Where the questions come from when qb-list is given no FILE: the files
 * that QB_PATH names, or else the banks built into the binary from data/.
 */
#ifndef QB_BANK_H
#define QB_BANK_H

#include <stddef.h>

struct bank_file {
	const char	*name;
	const char	*data;
	size_t		 len;
};

/* Generated from the data directory at build time by build-aux/mkbank.sh. */
extern const struct bank_file	bank_builtin[];
extern const size_t		bank_nbuiltin;

/*
 * Expands a QB_PATH value: colon-separated files and directories, each
 * directory giving its *.qb files in name order.  Returns a NULL-terminated
 * array of paths (free with bank_path_free) and its length in *n.
 * A directory that cannot be read is reported, and counts as trouble.
 */
char	**bank_path_expand(const char *qb_path, size_t *n);
void	  bank_path_free(char **);

#endif
