# qb as a Unix citizen: --help, --version, the manual, completion, install,
# and the cron recipe as cron runs it.

## --help: usage on stdout, exit 0, for every command
# The loops over $QB_CMDS print one line a command, its name replaced by CMD,
# and keep one of each: a command that behaves unlike the others shows.
$ for c in $QB_CMDS; do $c --help >out.tmp 2>err.tmp; echo "exit $?, $(head -n 1 out.tmp | cut -d ' ' -f 1,2 | sed "s/ $c\$/ CMD/"), $(wc -c <err.tmp) bytes on stderr"; done | sort -u
> exit 0, Usage: CMD, 0 bytes on stderr

## -h is --help
$ for c in $QB_CMDS; do $c -h > a.tmp; s=$?; $c --help > b.tmp; if cmp -s a.tmp b.tmp; then echo "exit $s, same"; else echo "$c: differs"; fi; done | sort -u
> exit 0, same

## --version and -V, for every command
$ for c in $QB_CMDS; do v=$($c --version); echo "exit $?: $v" | sed "s/: $c /: CMD /"; $c -V | cmp -s - <(echo "$v") || echo "$c: -V differs"; done | sort -u
> exit 0: CMD (qb) 0.1.0

## every long option of --help is in the manual page, and the other way round
$ for c in $QB_CMDS; do $c --help | grep -o -- '--[a-z][a-z-]*' | sort -u > help.tmp; grep -o 'Fl \\-[a-z][a-z-]*' "$QB_TOP/man/$c.1" | sed 's/Fl \\-/--/' | sort -u > man.tmp; if cmp -s help.tmp man.tmp; then echo "CMD agrees"; else echo "$c:"; diff help.tmp man.tmp; fi; done | sort -u
> CMD agrees

## every short option of --help is in the manual page
$ for c in $QB_CMDS; do $c --help | grep -o '^  -[a-zA-Z]' | tr -d ' ' | sort -u > help.tmp; grep -o '^\.It Fl [a-zA-Z]\>' "$QB_TOP/man/$c.1" | sed 's/.It Fl /-/' | sort -u > man.tmp; if cmp -s help.tmp man.tmp; then echo "CMD agrees"; else echo "$c:"; diff help.tmp man.tmp; fi; done | sort -u
> CMD agrees

## every page has the sections a reader looks for
$ for p in "$QB_TOP"/man/*.[157]; do for s in NAME SYNOPSIS DESCRIPTION 'EXIT STATUS' EXAMPLES 'SEE ALSO'; do grep -q "^\.Sh $s\$" "$p" || echo "$(basename "$p") lacks $s"; done; done; echo checked
> checked

## bash completion: options, --format values, tags from the default bank
$ bash --norc "$QB_TOP/tests/cli/complete.sh" 'qb-fmt --format=j' 'qb-grep -t sql,se' 'qb-pick --period ' 'qb-grep -k q' 'qb-list --c'
> json jsonl
> sql,self sql,security
> day week weekday month
> question
> --count --check

## make install puts everything in place with its mode, uninstall takes it away
# make check staged both in QB_BUILD, by the install and uninstall recipes.
# Each command: its binary, manual page and bash completion; then the rest.
$ cd "$QB_BUILD/stage$QB_PREFIX" && for c in $QB_CMDS; do ls -l bin/$c share/man/man1/$c.1 share/bash-completion/completions/$c | awk '{ print $1, $NF }' | sed "s/$c/CMD/"; done | sort -u; find . -type f ! -name 'qb-*' -exec ls -l {} + | awk '{ print $1, $NF }' | sort -k 2; n=$(find . -type f -name 'qb-*' | wc -l); [ "$n" -eq $((3 * $(echo $QB_CMDS | wc -w))) ] && echo "3 files a command"; "./bin/qb-list" -c; echo "exit $?"; find "$QB_BUILD/unstage" -type f | wc -l
> -rw-r--r-- share/bash-completion/completions/CMD
> -rw-r--r-- share/man/man1/CMD.1
> -rwxr-xr-x bin/CMD
> -rw-r--r-- ./share/man/man1/qb.1
> -rw-r--r-- ./share/man/man5/qb.5
> -rw-r--r-- ./share/man/man7/qb.7
> -rw-r--r-- ./share/qb/backend.qb
> -rw-r--r-- ./share/zsh/site-functions/_qb
> 3 files a command
> 45
> exit 0
> 0

## the installed banks work through QB_PATH
$ QB_PATH="$QB_BUILD/stage$QB_PREFIX/share/qb" "$QB_BUILD/stage$QB_PREFIX/bin/qb-list" -c; echo "exit $?"
> 45
> exit 0

## the cron recipe as cron runs it: no HOME, USER, TERM or terminal
$ env -i PATH="$PATH" sh -c 'qb-list | qb-pick --daily | qb-fmt -f mail --to team@example.org' </dev/null > mail.tmp; echo "exit $?"; python3 -c "import email, email.policy; m = email.message_from_binary_file(open('mail.tmp', 'rb'), policy=email.policy.default); print(m['To'], '|', m['Auto-Submitted'], '|', m['From'].addresses[0].domain != '', '|', m.get_content().startswith('1. '))"; rm mail.tmp
> exit 0
> team@example.org | auto-generated | True | False

## the cron recipe's question is the one of the day for everyone
$ a=$(env -i PATH="$PATH" TZ=UTC sh -c 'qb-list | qb-pick --daily' </dev/null); b=$(TZ=UTC qb-list | TZ=UTC qb-pick --daily --date="$(TZ=UTC date +%F)"); [ "$a" = "$b" ] && echo same
> same

## make run's pipeline prints today's question
$ sh -c "$QB_RUN" > run.tmp; echo "exit $?"; head -n 1 run.tmp | grep -c '^1\. '
> exit 0
> 1
