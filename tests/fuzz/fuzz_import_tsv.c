/* The tsv reader of qb-list -f on a buffer (fuzz_import.h). */
#define FUZZ_IMPORT_FORMAT	IMPORT_TSV
#include "fuzz_import.h"
