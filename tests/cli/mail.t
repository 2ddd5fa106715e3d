# The daily question by mail: the recipes of README.md run as cron runs
# them, messages delivered by a real mail server (a local exim, see
# tests/mta/setup.sh) and read back by Python's mailbox and email parsers,
# the weekday period, relative dates, and the message's own rules.

## a local mail server is there (make deps): without it these tests fail
$ sh "$QB_TOP/tests/mta/setup.sh" && echo ready
> ready

## README's crontab lines, run as cron runs them, deliver the day's question; trouble upstream sends nothing
$ sh "$QB_TOP/tests/mta/readme-cron.sh" "$QB_BUILD"
> recipe 1: delivered, the day's question in Subject and body: True
> recipe 2: delivered, the day's question in Subject and body: True

## through exim: From, To, Subject, Date, Message-ID, Auto-Submitted, charset and body read back intact
$ cd "$TMPDIR"; u=$(id -un); off=$(wc -c < /var/mail/$u 2>/dev/null || echo 0); qb-pick --id=h-4,h-1 "$QB_TOP/tests/data/hostile.qb" > two.qb; qb-fmt -f mail -a --from 'Zoë Lead <lead@example.org>' --to "Ånne Ünicode <$u@localhost>" --reply-to '"Team, Inc." <team@example.org>' two.qb > msg && /usr/sbin/sendmail -t -i -odi < msg && python3 "$QB_TOP/tests/mta/mbox.py" /var/mail/$u $off 30 Message-ID "$(sed -n 's/^Message-ID: //p' msg)" > got && qb-fmt -a two.qb > want && python3 "$QB_TOP/tests/mta/check.py" got want $u
> From: Zoë Lead <lead@example.org>
> To: Ånne Ünicode <USER@localhost>
> Reply-To: "Team, Inc." <team@example.org>
> Subject: 中文的问题是什么？日本語の質問もあります。
> Auto-Submitted: auto-generated
> From parts: [('Zoë Lead', 1)]
> Date parses: True
> Message-ID: True
> type: text/plain utf-8
> body as expected: True
> defects: []
> 8-bit or backslash in the message: False

## through exim: one question, unnumbered, the Subject its text
$ cd "$TMPDIR"; u=$(id -un); off=$(wc -c < /var/mail/$u 2>/dev/null || echo 0); qb-pick --id=h-5 "$QB_TOP/tests/data/hostile.qb" > one.qb; qb-fmt -f mail one.qb > msg && /usr/sbin/sendmail -t -i -odi < msg && python3 "$QB_TOP/tests/mta/mbox.py" /var/mail/$u $off 30 Message-ID "$(sed -n 's/^Message-ID: //p' msg)" > got && qb-fmt --template='%q\n' one.qb > want && python3 "$QB_TOP/tests/mta/check.py" got want $u | sed -n '1,3p;9p' | sed "s/@$(head -n 1 /etc/mailname 2>/dev/null || hostname)$/@DOMAIN/"
> From: USER@DOMAIN
> To: USER@DOMAIN
> Subject: Emoji 😀 and combining é here?
> body as expected: True

## --from: the display name is encoded on its own, the address kept plain
$ qb-fmt -f mail --from 'Zoë Lead <lead@example.org>' --to 'Ann <a@example.org>' good.qb | sed -n '1,2p'
> From: =?UTF-8?B?Wm/DqyBMZWFk?= <lead@example.org>
> To: Ann <a@example.org>

## display names of any length fold, every line within 78 octets, and read back whole
# (Python 3.11's address parser puts a space between adjacent encoded-words
# of a display name, which RFC 2047 §6.2 says to ignore: the names are read
# with email.header, which follows the RFC.)
$ n=$(printf 'Zoë Lead-%.0s' $(seq 30)); qb-fmt -f mail --from "$n <lead@example.org>" --to "$(printf 'x%.0s' $(seq 200)) <a@example.org>" good.qb > m.tmp; awk 'length($0) > 78' m.tmp | wc -l; python3 -c "import sys, email, email.policy; m = email.message_from_binary_file(open('m.tmp', 'rb'), policy=email.policy.default); f = m['From'].addresses[0]; t = m['To'].addresses[0]; h = email.header; name = lambda v: str(h.make_header(h.decode_header(v.rsplit('<', 1)[0]))).strip(); raw = dict(m.raw_items()); print(name(raw['From']) == sys.argv[1], f.addr_spec, len(name(raw['To'])), t.addr_spec)" "$n"; rm m.tmp
> 0
> True lead@example.org 200 a@example.org

## a display name with a comma or quotes, and a list of them
$ qb-fmt -f mail --to '"Lead, Team" <t@example.org>, b@example.org' --to 'Zoë "Z" <z@example.org>' good.qb | sed -n '2,4p'
> To: "Lead, Team" <t@example.org>,
>  b@example.org,
>  =?UTF-8?B?Wm/DqyAiWiI=?= <z@example.org>

## --to is checked as an addr-spec: a bad one is a usage error naming it
$ qb-fmt -f mail --to 'not an address' good.qb
! qb-fmt: invalid address for --to: 'not an address': not an address of the form user@domain
! Try 'qb-fmt --help' for more information.
? 2

## an empty --to is refused
$ qb-fmt -f mail --to ' , ' good.qb
! qb-fmt: invalid address for --to: ' , ': no address
! Try 'qb-fmt --help' for more information.
? 2

## --from and --reply-to are checked too; --from is one address
$ qb-fmt -f mail --reply-to 'a@b@c' good.qb; qb-fmt -f mail --from 'a@example.org, b@example.org' good.qb
! qb-fmt: invalid address for --reply-to: 'a@b@c': not an address of the form user@domain
! Try 'qb-fmt --help' for more information.
! qb-fmt: --from takes one address, not 2
! Try 'qb-fmt --help' for more information.
? 2

## non-ASCII addresses are refused with a clear message
$ qb-fmt -f mail --to 'Zoë <zoë@example.org>' good.qb
! qb-fmt: invalid address for --to: 'Zoë <zoë@example.org>': a non-ASCII address (only ASCII addresses are supported; RFC 6532 is not)
! Try 'qb-fmt --help' for more information.
? 2

## U+0085, U+2028 and U+2029 in an address or subject are refused: no line breaks in a header
$ for v in "$(printf 'a@example.org\302\205Bcc: x@example.org')" "$(printf 'A\342\200\250B <a@example.org>')"; do qb-fmt -f mail --to "$v" good.qb; done; qb-fmt -f mail --subject "$(printf 'Hi\342\200\251there')" good.qb
! qb-fmt: invalid address for --to: control characters, line separators or invalid UTF-8
! Try 'qb-fmt --help' for more information.
! qb-fmt: invalid address for --to: control characters, line separators or invalid UTF-8
! Try 'qb-fmt --help' for more information.
! qb-fmt: invalid --subject: control characters, line separators or invalid UTF-8
! Try 'qb-fmt --help' for more information.
? 2

## a line separator inside a question becomes a space in the Subject
$ qb-pick --id=h-7 hostile.qb | qb-fmt -f mail --to a@example.org | python3 -c "import sys, email, email.policy; m = email.message_from_binary_file(sys.stdin.buffer, policy=email.policy.default); print(m['Subject'])"
> Line separator and here

## the Subject is the question, different every day, shortened at a word boundary
$ for d in 2026-12-01 2026-12-02 2026-12-03; do qb-list | qb-pick --date=$d | qb-fmt -f mail --to a@example.org | grep '^Subject:'; done
> Subject: Do you have experience working with databases such as MySQL, SQL...
> Subject: How would you migrate an application from a database to another,...
> Subject: Tell Me About Yourself

## --subject is a template with the fields of --template
$ qb-fmt -f mail --to a@example.org --subject 'Question %i: %q' --id=x good.qb 2>/dev/null; qb-pick --id=h-8 hostile.qb | qb-fmt -f mail --to a@example.org --subject 'Q of the day (%i), 100%%' | grep '^Subject:'; qb-fmt -f mail --to a@example.org --subject '%x' good.qb
> Subject: Q of the day (h-8), 100%
! qb-fmt: invalid --subject: unknown sequence '%x' in the template
! Try 'qb-fmt --help' for more information.
? 2

## Auto-Submitted, and Reply-To when asked for
$ qb-fmt -f mail --to a@example.org --reply-to 'Team <team@example.org>' good.qb | grep -e '^Auto-Submitted:' -e '^Reply-To:'
> Reply-To: Team <team@example.org>
> Auto-Submitted: auto-generated

## the default From and To: the user at the system's mail domain (/etc/mailname), found without HOME or USER
$ d=$(head -n 1 /etc/mailname 2>/dev/null || hostname); env -i PATH="$PATH" qb-fmt -f mail good.qb | grep -c -e "^From: $(id -un)@$d\$" -e "^To: $(id -un)@$d\$"
> 2

## one question: no number
$ qb-pick --id=h-1 hostile.qb | qb-fmt -f mail --to a@example.org | sed '1,/^$/d'
> He said "hi" =5C and left, twice.

## --previous: the first record is given last, with its answer, under today's question
$ qb-pick --id=h-1 --id=h-6 hostile.qb | qb-fmt -f mail --previous --to a@example.org | python3 -c "import sys, email, email.policy; m = email.message_from_binary_file(sys.stdin.buffer, policy=email.policy.default); print(m['Subject']); print(m.get_content(), end='')"
> Tab here and newline
> Tab here and
> newline
>
> The previous question: He said "hi" \ and left, twice.
> Its answer: Answer with "quotes", commas, and a \backslash

## --previous with a single record has no question of the day: no message
$ qb-pick --id=h-1 hostile.qb | qb-fmt -f mail --previous --to a@example.org
! qb-fmt: no records: no message written
? 1

## the message is 7-bit ASCII without a backslash, so echo passes it unchanged
$ m=$(qb-fmt -f mail -a --from 'Zoë \\ <z@example.org>' --to a@example.org --subject 'a \\ b %q' hostile.qb); echo "$m" | LC_ALL=C grep -c -e '\\' -e "$(printf '[\200-\377]')"; [ "$(echo "$m")" = "$m" ] && echo same
> 0
> same

## no line of the message is a lone "." (sendmail without -i would stop there), none starts with "From "
$ printf 'd-1\t\t.\t\nd-2\t\t%s. and on\t\nd-3\t\tFrom here\t\n' "$(printf 'x%.0s' $(seq 75))" | qb-fmt -f mail --to a@example.org -w 0 | grep -c -e '^\.' -e '^From '
> 0
? 1

## every header line is within 78 octets, whatever the lengths of names and subjects
$ qb-fmt -f mail --to "$(printf 'Ann%.0s ' $(seq 100))<a@example.org>" --subject "$(printf 'é%.0s' $(seq 300)) %q" --reply-to "$(printf 'Bob %.0s' $(seq 100))<b@example.org>, $(printf 'é%.0s' $(seq 100)) <c@example.org>" good.qb | sed '/^$/q' | awk 'length($0) > 78' | wc -l
> 0

## an address cannot be folded: a long one has a line of its own, within 998 octets; longer than 254 is refused
$ a="$(printf 'r%.0s' $(seq 60))@$(printf 'd%.0s' $(seq 60)).example.org"; qb-fmt -f mail --to "Ann <$a>" good.qb | sed -n '2,3p'; qb-fmt -f mail --to "$(printf 'r%.0s' $(seq 64))@$(printf 'd%.0s' $(seq 200)).org" good.qb 2>&1 | sed 's/r\{64\}/R64/'
> To: Ann
>  <rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr@dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd.example.org>
> qb-fmt: invalid address for --to: 'R64...': an address longer than 254 octets
> Try 'qb-fmt --help' for more information.
? 2

## --period=weekday over two full cycles of weekdays: every record once a cycle, never the same on two sending days in a row
$ qb-list > bank.tmp; python3 "$QB_TOP/tests/cli/weekdays.py" bank.tmp; rm bank.tmp
> 2026-01-19 2026-05-22 45 45 0

## --period=weekday: Saturday and Sunday give Friday's question; -1period on a Monday is Friday's
$ for d in 2026-12-04 2026-12-05 2026-12-06 2026-12-07-1period 2026-12-07; do qb-list | qb-pick --period=weekday --date=$d | cut -f 1; done
> skill-29
> skill-29
> skill-29
> skill-29
> skill-04

## --date: today, yesterday, tomorrow, +N and -N days or periods
$ t=$(date +%F); y=$(date -d yesterday +%F); for d in today "$t" yesterday "$y" "$t-1" tomorrow "$t+1" "+1day"; do qb-list | qb-pick --date=$d | cut -f 1; done | uniq -c | awk '{print $1}'; qb-list | qb-pick --period=week --date=2026-12-01-2periods | cut -f 1; qb-list | qb-pick --period=week --date=2026-11-17 | cut -f 1
> 2
> 3
> 3
> skill-04
> skill-04

## --date is repeatable: a record for each, in the order given (yesterday's, then today's)
$ qb-list | qb-pick --period=weekday --date=2026-12-07-1period --date=2026-12-07 | cut -f 1
> skill-29
> skill-04

## --date: a bad one is a usage error that says what is taken
$ qb-pick --date=now good.qb; qb-pick --date=-1week good.qb
! qb-pick: invalid date: 'now' (YYYY-MM-DD, today, yesterday or tomorrow, then +N or -N days or periods)
! Try 'qb-pick --help' for more information.
! qb-pick: invalid date: '-1week' (YYYY-MM-DD, today, yesterday or tomorrow, then +N or -N days or periods)
! Try 'qb-pick --help' for more information.
? 2
