# The structural pass (lib/scan.c scan_blocks(), lib/line.c): every scanner
# gives the same records and the same messages, whatever the block edges.

## every scanner, AVX-512 too, writes the same records and messages
$ for m in portable sse2 avx2 avx512; do QB_SIMD=$m qb-list good.qb crlf.qb bad-kinds.qb hostile.qb 2>&1 | cksum; done | uniq -c | sed 's/^ *//'
> 4 4061816419 2147
? 2

## a sequence cut off by the CR of a CRLF line is still invalid
$ printf 'a\tt\tq\303\r\nb\tt\tq\303\251\r\n' > "$TMPDIR/in"; for m in portable sse2 avx2 avx512; do QB_SIMD=$m qb-list "$TMPDIR/in"; done 2>&1 | sort | uniq -c | sed 's/^ *//' | sed "s#$TMPDIR/##"
> 4 b	t	qé	
> 4 qb-list: in:1: invalid UTF-8 at column 6
? 2

## a bad byte at every offset around the edges of blocks and chunks, read from a pipe
$ awk 'BEGIN { for (i = 0; i < 300; i++) { q = sprintf("%*s", 4000 + i, ""); gsub(/ /, "q", q); printf "id%d\tt\t%s%s\tanswer\n", i, q, i % 4 == 0 ? "\303" : i % 4 == 1 ? "\302\233" : i % 4 == 2 ? "\\x" : "\303\251" } }' > "$TMPDIR/in"; for m in portable sse2 avx2 avx512; do cat "$TMPDIR/in" | QB_SIMD=$m qb-list -c 2>&1 | cksum; done | uniq -c | sed 's/^ *//'; qb-list -c < "$TMPDIR/in" 2>&1 | sed -n '1p;2p;3p;$p'
> 4 479248495 18821
> qb-list: (standard input):1: invalid UTF-8 at column 4007
> qb-list: (standard input):2: control character U+009B in question at column 4008
> qb-list: (standard input):3: unknown escape '\x' in question at column 4009: the escapes are \\, \t and \n
> 75
? 2
