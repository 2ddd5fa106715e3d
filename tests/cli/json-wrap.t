# JSON whose list of questions is a member of an object, as other tools
# write it: the first member whose value is an array of objects is the
# list, the other members are skipped (checked as JSON all the same).

## the list under "questions", with members before and after it
$ printf '{"title": "Deck", "meta": {"v": [1, 2]}, "questions": [\n{"question": "What is a B-tree?", "answer": "A balanced tree."},\n{"question": "What is MVCC?", "tags": ["db"]}\n], "count": 2}\n' > w.json; qb-list w.json
> q9a24f78c599c		What is a B-tree?	A balanced tree.
> qfca0ae3f4072	db	What is MVCC?	

## any key: "cards" with front/back, and an array of strings before it is not the list
$ printf '{"tags": ["x", "y"], "cards": [{"front": "Q1?", "back": "A1", "Topics": "net"}]}' > w.json; qb-list w.json
> q85d39e19efd7	net	Q1?	A1

## an empty list is no records, as []
$ printf '{"questions": []}\n' > w.json; qb-list w.json
? 0

## an object without a list: said, exit 2
$ printf '{"title": "x"}\n' > w.json; qb-list w.json
! qb-list: w.json:1: JSON: the object holds no list of questions: the file is [{...}] or {"questions": [{...}]}
? 2

## a broken record inside the wrapper: reported at its line, the others kept
$ printf '{"questions": [\n{"question": "A?"},\n{"question": "B?" "answer": 1},\n{"question": "C?"}\n]}\n' > w.json; qb-list w.json | cut -f 3
> A?
> C?
! qb-list: w.json:3: JSON: '}' expected near '"answer"' (column 26)
? 2

## text after the wrapper's '}'
$ printf '{"questions": [{"question": "A?"}]} junk\n' > w.json; qb-list w.json | cut -f 3
> A?
! qb-list: w.json:1: JSON: text after the closing '}'
? 2

## a broken member after the list (jansson's column counts from the value)
$ printf '{"questions": [{"question": "A?"}],\n"x": }\n' > w.json; qb-list w.json | cut -f 3
> A?
! qb-list: w.json:2: JSON: unexpected token near '}' (column 1)
? 2

## round trip: qb-fmt's JSON wrapped by Python reads back byte for byte
$ qb-list > bank.qb; qb-fmt -a -f json bank.qb | python3 -c 'import json, sys; json.dump({"questions": json.load(sys.stdin)}, sys.stdout)' > w.json; qb-list w.json | cmp - bank.qb && echo same
> same
