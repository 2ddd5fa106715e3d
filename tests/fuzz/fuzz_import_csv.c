/* The csv reader of qb-list -f on a buffer (fuzz_import.h). */
#define FUZZ_IMPORT_FORMAT	IMPORT_CSV
#include "fuzz_import.h"
