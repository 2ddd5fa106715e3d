#!/bin/sh
# A mail server for the mail tests: Debian's exim4, local delivery only.
# Nothing can leave the machine: exim takes mail from local programs and
# 127.0.0.1 only, and knows no route to another host.  Root's mail, which
# Debian's exim keeps in /var/mail/mail, goes to /var/mail/root, where
# people and tests look.  Idempotent; needs root only when it changes
# something.  An exim configured for more than local delivery is left
# alone (and this fails) unless QB_MTA_FORCE is set.
#
# Usage: tests/mta/setup.sh preseed   before exim4 is installed (debconf)
#        tests/mta/setup.sh           after: configure, check
set -eu
PATH=$PATH:/usr/sbin:/sbin	# exim4 and update-exim4.conf, for users too

conf=/etc/exim4/update-exim4.conf.conf
macros=/etc/exim4/exim4.conf.localmacros
want_type="dc_eximconfig_configtype='local'"
want_ifs="dc_local_interfaces='127.0.0.1 ; ::1'"

root() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "tests/mta/setup.sh: must be root to $1" >&2
		exit 2
	fi
}

if [ "${1:-}" = preseed ]; then
	command -v debconf-set-selections >/dev/null || exit 0
	root "preseed exim4-config"
	debconf-set-selections <<-'END'
	exim4-config exim4/dc_eximconfig_configtype select local delivery only; not on a network
	exim4-config exim4/dc_local_interfaces string 127.0.0.1 ; ::1
	exim4-config exim4/use_split_config boolean false
	END
	exit 0
fi

if [ ! -f "$conf" ] || ! command -v update-exim4.conf >/dev/null; then
	echo "tests/mta/setup.sh: exim4 is not installed (make deps)" >&2
	exit 2
fi
changed=
# A mail server set up for real mail is not ours to change.
if ! grep -qx "$want_type" "$conf" && [ -z "${QB_MTA_FORCE:-}" ]; then
	echo "tests/mta/setup.sh: exim4 is configured for more than local" \
	    "delivery ($(grep '^dc_eximconfig_configtype=' "$conf"));" \
	    "the tests need local delivery only: QB_MTA_FORCE=1 to change it" >&2
	exit 1
fi
if ! grep -qx "$want_type" "$conf" || ! grep -qx "$want_ifs" "$conf"; then
	root "configure exim4"
	sed -i -e "s/^dc_eximconfig_configtype=.*/$want_type/" \
	    -e "s/^dc_local_interfaces=.*/$want_ifs/" "$conf"
	changed=1
fi
if ! grep -q '^SYSTEM_ALIASES_FILE_TRANSPORT' "$macros" 2>/dev/null; then
	root "configure exim4"
	cat >>"$macros" <<-'END'
	# tests/mta/setup.sh: aliases may name files, as mail (root's mailbox)
	SYSTEM_ALIASES_USER = mail
	SYSTEM_ALIASES_GROUP = mail
	SYSTEM_ALIASES_FILE_TRANSPORT = address_file
	END
	changed=1
fi
if ! grep -q '^root:' /etc/aliases 2>/dev/null; then
	root "alias root's mail"
	echo 'root: /var/mail/root' >>/etc/aliases
	changed=1
fi
if [ -n "$changed" ]; then
	update-exim4.conf
	# A running daemon rereads its configuration on SIGHUP.
	pid=$(cat /run/exim4/exim.pid 2>/dev/null || true)
	[ -z "$pid" ] || kill -HUP "$pid" 2>/dev/null || true
fi
# The proof: where would mail to root and to a remote domain go?
if ! exim4 -bt root 2>/dev/null | grep -q '/var/mail/root'; then
	echo "tests/mta/setup.sh: exim4 does not deliver root's mail to /var/mail/root" >&2
	exit 1
fi
if exim4 -bt nobody@example.org >/dev/null 2>&1; then
	echo "tests/mta/setup.sh: exim4 would route mail off this machine" >&2
	exit 1
fi
