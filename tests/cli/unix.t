# qb as a Unix citizen: --help, --version, the manual, completion, install,
# and the cron recipe as cron runs it.

## --help: usage on stdout, exit 0, for every command
$ for c in qb-list qb-grep qb-pick qb-fmt; do $c --help | head -n 1; done
> Usage: qb-list [-c | --tags | --check] [FILE]...
> Usage: qb-grep [-cEFioPqvwx] [-k LIST] [-m NUM] [-t LIST] [-T LIST]
> Usage: qb-pick [-n N] [-s SEED] [--state=FILE] [FILE]...
> Usage: qb-fmt [-az] [-f FORMAT] [-w WIDTH] [FILE]...

## -h is --help
$ for c in qb-list qb-grep qb-pick qb-fmt; do $c -h > a.tmp; $c --help > b.tmp; cmp a.tmp b.tmp && echo same; done; rm a.tmp b.tmp
> same
> same
> same
> same

## --version and -V, for every command
$ for c in qb-list qb-grep qb-pick qb-fmt; do $c -V; done
> qb-list (qb) 0.1.0
> qb-grep (qb) 0.1.0
> qb-pick (qb) 0.1.0
> qb-fmt (qb) 0.1.0

## every long option of --help is in the manual page, and the other way round
$ for c in qb-list qb-grep qb-pick qb-fmt; do $c --help | grep -o -- '--[a-z][a-z-]*' | sort -u > help.tmp; grep -o 'Fl \\-[a-z][a-z-]*' "$QB_TOP/man/$c.1" | sed 's/Fl \\-/--/' | sort -u > man.tmp; if cmp -s help.tmp man.tmp; then echo "$c agrees"; else diff help.tmp man.tmp; fi; done; rm help.tmp man.tmp
> qb-list agrees
> qb-grep agrees
> qb-pick agrees
> qb-fmt agrees

## every short option of --help is in the manual page
$ for c in qb-list qb-grep qb-pick qb-fmt; do $c --help | grep -o '^  -[a-zA-Z]' | tr -d ' ' | sort -u > help.tmp; grep -o '^\.It Fl [a-zA-Z]\>' "$QB_TOP/man/$c.1" | sed 's/.It Fl /-/' | sort -u > man.tmp; cmp -s help.tmp man.tmp && echo "$c agrees"; done; rm help.tmp man.tmp
> qb-list agrees
> qb-grep agrees
> qb-pick agrees
> qb-fmt agrees

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

## make install with PREFIX and DESTDIR puts everything in place, uninstall takes it away
$ d=$(mktemp -d); make -s -C "$QB_TOP" install DESTDIR="$d" PREFIX=/usr BUILD="$QB_BUILD" >/dev/null && (cd "$d" && find . -type f | sort) && "$d/usr/bin/qb-list" -c && make -s -C "$QB_TOP" uninstall DESTDIR="$d" PREFIX=/usr BUILD="$QB_BUILD" >/dev/null && find "$d" -type f | wc -l; rm -rf "$d"
> ./usr/bin/qb-drill
> ./usr/bin/qb-fmt
> ./usr/bin/qb-grep
> ./usr/bin/qb-list
> ./usr/bin/qb-pick
> ./usr/share/bash-completion/completions/qb-drill
> ./usr/share/bash-completion/completions/qb-fmt
> ./usr/share/bash-completion/completions/qb-grep
> ./usr/share/bash-completion/completions/qb-list
> ./usr/share/bash-completion/completions/qb-pick
> ./usr/share/man/man1/qb-drill.1
> ./usr/share/man/man1/qb-fmt.1
> ./usr/share/man/man1/qb-grep.1
> ./usr/share/man/man1/qb-list.1
> ./usr/share/man/man1/qb-pick.1
> ./usr/share/man/man1/qb.1
> ./usr/share/man/man5/qb.5
> ./usr/share/man/man7/qb.7
> ./usr/share/qb/backend.qb
> ./usr/share/zsh/site-functions/_qb
> 45
> 0

## the installed banks work through QB_PATH
$ d=$(mktemp -d); make -s -C "$QB_TOP" install DESTDIR="$d" BUILD="$QB_BUILD" >/dev/null && QB_PATH="$d/usr/local/share/qb" "$d/usr/local/bin/qb-list" -c; rm -rf "$d"
> 45

## the cron recipe as cron runs it: no HOME, USER, TERM or terminal
$ env -i PATH="$PATH" sh -c 'qb-list | qb-pick --daily | qb-fmt -f mail --to team@example.org' </dev/null > mail.tmp; echo "exit $?"; python3 -c "import email, email.policy; m = email.message_from_binary_file(open('mail.tmp', 'rb'), policy=email.policy.default); print(m['To'], '|', m['Auto-Submitted'], '|', m['From'].addresses[0].domain != '', '|', m.get_content().startswith('1. '))"; rm mail.tmp
> exit 0
> team@example.org | auto-generated | True | False

## the cron recipe's question is the one of the day for everyone
$ a=$(env -i PATH="$PATH" TZ=UTC sh -c 'qb-list | qb-pick --daily' </dev/null); b=$(TZ=UTC qb-list | TZ=UTC qb-pick --daily --date="$(TZ=UTC date +%F)"); [ "$a" = "$b" ] && echo same
> same

## make run prints today's question
$ make -s -C "$QB_TOP" run BUILD="$QB_BUILD" | head -n 1 | grep -c '^1\. '
> 1
