/*
 * What the unit tests share: cmocka's headers in the order it needs, and
 * helpers to capture what a function writes to a file descriptor.
 */
#ifndef QB_UNIT_H
#define QB_UNIT_H

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

/* Points fd at a new temporary file; returns the saved original fd. */
static inline int
capture_start(int fd, FILE **tmp)
{
	int saved = dup(fd);

	*tmp = tmpfile();
	assert_non_null(*tmp);
	fflush(NULL);
	assert_true(dup2(fileno(*tmp), fd) >= 0);
	return saved;
}

/* Restores fd and returns what was written to it (free it). */
static inline char *
capture_end(int fd, int saved, FILE *tmp)
{
	char *text;
	long n;

	fflush(NULL);
	assert_true(dup2(saved, fd) >= 0);
	close(saved);
	n = lseek(fileno(tmp), 0, SEEK_END);
	text = calloc((size_t)n + 1, 1);
	assert_non_null(text);
	assert_int_equal(pread(fileno(tmp), text, (size_t)n, 0), n);
	fclose(tmp);
	return text;
}

/*
 * Runs fn in a child process whose stdout is the file out (NULL: a pipe
 * nobody reads is not wanted, so /dev/null) and whose stderr is captured.
 * Returns the child's exit status; *err gets its stderr (free it).
 */
static inline int
child_status(void (*fn)(void), const char *out, char **err)
{
	FILE *tmp = tmpfile();
	int status;
	pid_t pid;

	assert_non_null(tmp);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(out != NULL ? out : "/dev/null", O_WRONLY);

		if (fd < 0 || dup2(fd, 1) < 0 || dup2(fileno(tmp), 2) < 0)
			_exit(99);
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	*err = capture_end(2, dup(2), tmp);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

#endif
