#!/usr/bin/env bash
# Seed corpora and the dictionary for `cargo +nightly fuzz run` (both generated, not committed).
#   fuzz/corpus/<target>/  pages of tests/corpus and windows of spec/docs, cut to 16 KB
#   fuzz/docbind.dict      the tokens the readers branch on, plus frequent captions, headings
#                          and request lines of the corpora
# Run from anywhere; then e.g.:  cd fuzz && cargo +nightly fuzz run read_rst -- -dict=docbind.dict
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
cd "$here"
rm -rf corpus && mkdir -p corpus/{read_markdown,read_rst,read_pdftext,detect_format,pipeline}

# A page per file, named by content hash (libFuzzer's convention), cut to 16 KB.
seed() { # target file
    local h
    h=$(head -c 16384 "$2" | sha1sum | cut -c1-40)
    head -c 16384 "$2" > "corpus/$1/$h"
}
while IFS= read -r -d '' f; do
    seed read_markdown "$f"; seed detect_format "$f"
done < <(find "$root/tests/corpus/huawei-md" -name '*.md' -size +0 -print0 | sort -z)
while IFS= read -r -d '' f; do
    seed read_rst "$f"; seed detect_format "$f"
done < <(find "$root/tests/corpus/otc-rst" -name '*.rst' -size +0 -print0 | sort -z)
# The seeds: markdown (000-002) and PDF text (003, 004), in 16 KB windows.
for f in "$root"/spec/docs/*.txt; do
    size=$(stat -c %s "$f")
    for ((i = 0; i * 16384 < size && i < 64; i++)); do
        dd if="$f" of=/tmp/docbind-seed.$$ bs=16384 skip=$i count=1 status=none
        for t in read_markdown read_pdftext detect_format pipeline; do seed "$t" /tmp/docbind-seed.$$; done
    done
done
rm -f /tmp/docbind-seed.$$
# The pipeline gets whole operation pages (small ones: extraction and emitters are slow per byte).
while IFS= read -r -d '' f; do
    if [ "$(stat -c %s "$f")" -lt 12000 ] && grep -q -E '^(GET|POST|PUT|DELETE|PATCH) /' "$f"; then
        seed pipeline "$f"
    fi
done < <(find "$root/tests/corpus" -type f \( -name '*.md' -o -name '*.rst' \) -print0 | sort -z)

# libFuzzer dictionaries take ASCII only: other bytes as \xNN escapes (UTF-8 bytes of 表 etc.).
escape_non_ascii() {
    python3 -c 'import sys; sys.stdout.write("".join(chr(b) if b < 128 else "\\x%02X" % b for b in sys.stdin.buffer.read()))'
}

# Dictionary: fixed tokens, then the corpora's most frequent structural lines.
{
    cat "$here/tokens.dict"
    find "$root/tests/corpus" "$root/spec/docs" -type f \( -name '*.md' -o -name '*.rst' -o -name '*.txt' \) -print0 |
        xargs -0 grep -h -o -E '^(\*\*表 [0-9]+\*\*|表 [0-9-]+|Table [0-9]+|#{1,4} [^<]{1,30}|(GET|POST|PUT|DELETE|PATCH) /[^ ]{1,40}|\.\. [a-z-]+::|[=~^-]{3,8}$)' 2>/dev/null |
        sort | uniq -c | sort -rn | head -150 | sed -E 's/^ *[0-9]+ //' |
        sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/"/'
} | escape_non_ascii > docbind.dict
for t in corpus/*; do echo "$t: $(ls "$t" | wc -l) inputs"; done
echo "docbind.dict: $(wc -l < docbind.dict) entries"
