/* The jsonl reader of qb-list -f on a buffer (fuzz_import.h). */
#define FUZZ_IMPORT_FORMAT	IMPORT_JSONL
#include "fuzz_import.h"
