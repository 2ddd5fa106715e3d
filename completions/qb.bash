# bash completion for the qb commands (qb-list, qb-grep, qb-pick, qb-fmt and
# any qb-* that follows their --help layout).  Installed once for each
# command name, as bash-completion looks them up; needs nothing from the
# bash-completion package.
#
# The options come from the command's own --help, so a new option appears
# here by itself; so do the values of --format, --from, --period, --field
# and --color, read from the usage error a bad value gets ("(a, b or c)").

# "NAME LONG TAKES_VALUE" for each option in the help text of $1.
_qb_options()
{
	"$1" --help 2>/dev/null </dev/null | awk '
	/^  +-/ {
		sub(/^ +/, ""); sub(/  .*/, "")
		n = split($0, f, /, */); long = ""; takes = 0
		for (i = 1; i <= n; i++) {
			if (f[i] ~ /=/) takes = 1
			sub(/\[?=.*/, "", f[i])
			if (f[i] ~ /^--/ && long == "") long = f[i]
		}
		for (i = 1; i <= n; i++)
			print f[i], (long == "" ? f[i] : long), takes
	}'
}

# The values a usage error lists for a bad value: "... (a, b or c)".
_qb_values_from_error()
{
	"$1" "$2=?" </dev/null 2>&1 >/dev/null |
	    sed -n '1s/.*(\([^()]*\))$/\1/p' | sed 's/ or /, /g; s/, /\n/g'
}

# Candidates for the value of option $2 (a long name) of command $1.
_qb_values()
{
	case $2 in
	--tag|--without-tag)
		qb-list --tags 2>/dev/null | cut -f 1 ;;
	--id)
		qb-list 2>/dev/null | cut -f 1 ;;
	--date)
		date +%F ;;
	--grade)
		qb-list 2>/dev/null | cut -f 1 | sed 's/$/:/' ;;
	--format|--from|--period|--field|--color|--colour)
		_qb_values_from_error "$1" "$2" ;;
	esac
}

_qb()
{
	local cmd=${COMP_WORDS[0]##*/} line word prev opt= long val lead= list=
	local name l takes wb rl strip c
	local -a cands=()

	# Words as the user sees them (split on blanks only), not as bash
	# split them at '=' and ':' (ids hold colons).
	line=${COMP_LINE:0:COMP_POINT}
	word=${line##*[[:blank:]]}
	prev=${line%"$word"}
	prev=${prev%"${prev##*[![:blank:]]}"}
	prev=${prev##*[[:blank:]]}

	if [[ $word == --*=* ]]; then
		opt=${word%%=*} val=${word#*=} lead=$opt=
	elif [[ $prev == -* && $prev != *=* ]]; then
		opt=$prev val=$word
	fi
	if [[ -n $opt ]]; then
		long= takes=0
		while read -r name l t; do
			if [[ $name == "$opt" ]]; then
				long=$l takes=$t
				break
			fi
		done < <(_qb_options "$cmd")
		[[ $takes == 1 ]] || { opt= lead=; }
	fi

	if [[ -n $opt ]]; then
		case $long in
		--tag|--without-tag|--id|--field)	# comma-separated lists
			[[ $val == *,* ]] && list=${val%,*},
			;;
		esac
		case $long in
		--state|--file|--log)
			while IFS= read -r c; do
				cands+=("$lead$c")
			done < <(compgen -f -- "$val")
			;;
		*)
			while IFS= read -r c; do
				[[ -n $c && $list$c == "$val"* ]] &&
				    cands+=("$lead$list$c")
			done < <(_qb_values "$cmd" "$long")
			;;
		esac
		[[ -n $list || $long == --state || $long == --file ||
		    $long == --log || $long == --grade ]] &&
		    compopt -o nospace 2>/dev/null
	elif [[ $word == -* ]]; then
		while read -r name l t; do
			[[ $name == "$word"* ]] || continue
			if [[ $t == 1 && $name == --* ]]; then
				cands+=("$name=")
				compopt -o nospace 2>/dev/null
			else
				cands+=("$name")
			fi
		done < <(_qb_options "$cmd")
	else
		while IFS= read -r c; do
			cands+=("$c")
		done < <(compgen -f -- "$word")
	fi

	# Bash replaces only the text after the last COMP_WORDBREAKS character
	# ("--id=a:b" -> "b"): drop what comes before it from every candidate.
	wb=${COMP_WORDBREAKS//[[:space:]]/}
	rl=$word
	[[ -n $wb ]] && rl=${word##*[$wb]}
	strip=${word:0:${#word}-${#rl}}
	COMPREPLY=()
	for c in "${cands[@]}"; do
		COMPREPLY+=("${c#"$strip"}")
	done
}

complete -F _qb qb-list qb-grep qb-pick qb-fmt qb-drill
