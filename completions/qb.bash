# bash completion for qb-list, qb-grep, qb-pick and qb-fmt.
# Installed once for each command name, as bash-completion looks them up.

_qb_tags()
{
	# Tags of the default bank (QB_PATH, or the built-in one).
	qb-list --tags 2>/dev/null | cut -f 1
}

# Completes the last item of a comma-separated list from words.
_qb_list_words()
{
	local cur=$1 words=$2 prefix=
	[[ $cur == *,* ]] && prefix=${cur%,*},
	COMPREPLY=($(compgen -P "$prefix" -W "$words" -- "${cur##*,}"))
	compopt -o nospace 2>/dev/null
}

_qb()
{
	local cur prev cmd=${COMP_WORDS[0]##*/} opts
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}

	# --opt=value: complete the value.
	if [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
	fi

	case $cmd:$prev in
	qb-grep:-t|qb-grep:--tag|qb-grep:-T|qb-grep:--without-tag)
		_qb_list_words "$cur" "$(_qb_tags)"
		return ;;
	qb-grep:-k|qb-grep:--field)
		_qb_list_words "$cur" "id tags question answer all"
		return ;;
	qb-grep:--color|qb-grep:--colour)
		COMPREPLY=($(compgen -W "always never auto" -- "$cur"))
		return ;;
	qb-grep:-e|qb-grep:--regexp|qb-grep:-m|qb-grep:--max-count)
		return ;;
	qb-pick:--period)
		COMPREPLY=($(compgen -W "day week weekday month" -- "$cur"))
		return ;;
	qb-pick:--date)
		COMPREPLY=($(compgen -W "$(date +%F) today yesterday tomorrow -1period" -- "$cur"))
		return ;;
	qb-pick:--id)
		_qb_list_words "$cur" "$(qb-list 2>/dev/null | cut -f 1)"
		return ;;
	qb-pick:--state)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	qb-pick:-n|qb-pick:--count|qb-pick:-s|qb-pick:--seed|qb-pick:-i|qb-pick:--index)
		return ;;
	qb-fmt:-f|qb-fmt:--format)
		COMPREPLY=($(compgen -W "text markdown json jsonl csv tsv mail anki fortune" -- "$cur"))
		return ;;
	qb-fmt:-w|qb-fmt:--width|qb-fmt:--to|qb-fmt:--from|qb-fmt:--reply-to|qb-fmt:--subject|qb-fmt:--template|qb-fmt:--title)
		return ;;
	esac

	case $cmd in
	qb-list) opts="-c --count -t --tags --check -h --help -V --version" ;;
	qb-grep) opts="-c --count -e --regexp -F --fixed-strings -i --ignore-case
		-k --field -m --max-count -q --quiet --silent -t --tag
		-T --without-tag -v --invert-match -w --word-regexp
		-x --line-regexp --color -h --help -V --version" ;;
	qb-pick) opts="-n --count -s --seed --state -d --daily --date --period
		--id -i --index -h --help -V --version" ;;
	qb-fmt) opts="-a --answers -f --format -w --width --to --from
		--subject --template -h --help -V --version
		-z --null --title --bom --formula-guard --list-formats
		--reply-to --previous" ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _qb qb-list qb-grep qb-pick qb-fmt
