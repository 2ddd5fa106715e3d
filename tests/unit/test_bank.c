#include <sys/stat.h>

#include "unit.h"
#include "bank.h"

static void
builtin_bank_present(void **state)
{
	size_t i, lines = 0;

	(void)state;
	assert_true(bank_nbuiltin >= 1);
	assert_string_equal(bank_builtin[0].name, "(built-in)/backend.qb");
	for (i = 0; i < bank_builtin[0].len; i++)
		lines += bank_builtin[0].data[i] == '\n';
	assert_true(lines >= 45);
	assert_int_equal(bank_builtin[0].data[bank_builtin[0].len], '\0');
}

static void
touch(const char *path)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fclose(f);
}

static void
path_expansion(void **state)
{
	char dir[] = "/tmp/qb-bank-XXXXXX", path[256], qb_path[600];
	char **v;
	size_t n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/b.qb", dir);
	touch(path);
	snprintf(path, sizeof(path), "%s/a.qb", dir);
	touch(path);
	snprintf(path, sizeof(path), "%s/B.qb", dir);
	touch(path);
	snprintf(path, sizeof(path), "%s/.hidden.qb", dir);
	touch(path);
	snprintf(path, sizeof(path), "%s/readme.txt", dir);
	touch(path);
	snprintf(qb_path, sizeof(qb_path), "::%s:/some/file.qb:", dir);
	v = bank_path_expand(qb_path, &n);
	assert_int_equal(n, 4);
	assert_non_null(strstr(v[0], "/B.qb"));		/* byte order */
	assert_non_null(strstr(v[1], "/a.qb"));
	assert_non_null(strstr(v[2], "/b.qb"));
	assert_string_equal(v[3], "/some/file.qb");
	assert_null(v[4]);
	bank_path_free(v);
	v = bank_path_expand("", &n);
	assert_int_equal(n, 0);
	assert_null(v[0]);
	bank_path_free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_bank_present),
		cmocka_unit_test(path_expansion),
	};

	return cmocka_run_group_tests_name("bank", tests, NULL, NULL);
}
