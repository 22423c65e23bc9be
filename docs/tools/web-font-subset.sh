#!/usr/bin/env bash
# Makes the pages' web font: a WOFF2 subset of the reports' Noto Sans SC (regular and bold) holding ASCII, CJK
# punctuation and full-width forms, the 3,755 common hanzi of GB 2312 level 1, and every character the pages' bundles,
# templates and the demo data use. About 1 MB a weight instead of 10 MB of TTF.
# Needs Debian's fonttools and python3-brotli: apt-get install -y fonttools python3-brotli
set -euo pipefail
cd "$(dirname "$0")/../.."
src=reports/src/main/resources/fonts/noto-sans-sc
out=loan-service/src/main/resources/static/fonts
chars=$(mktemp)
/usr/bin/python3 - "$chars" <<'PY'
import sys, pathlib
s = set(chr(c) for c in range(0x20, 0x7f))
s |= set(chr(c) for c in range(0x3000, 0x3040)) | set(chr(c) for c in range(0xff00, 0xfff0))
s |= set('·—‘’“”…‰※←↑→↓①②③④⑤⑥⑦⑧⑨⑩一二三四五六七八九十')
for hi in range(0xb0, 0xd8):                      # GB 2312 level 1: rows 16-55
    for lo in range(0xa1, 0xff):
        try:
            s.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
roots = ['loan-service/src/main/resources', 'reports/src/main/resources/reports',
         'loan-service/src/main/java/cn/baojiaolou/loan/demo']
for root in roots:
    for p in pathlib.Path(root).rglob('*'):
        if p.suffix in ('.properties', '.html', '.java', '.js') and p.is_file():
            s |= set(p.read_text(encoding='utf-8', errors='ignore'))
s = {c for c in s if c.isprintable()}
pathlib.Path(sys.argv[1]).write_text(''.join(sorted(s)), encoding='utf-8')
print(len(s), 'characters')
PY
for w in Regular Bold; do
  pyftsubset "$src/NotoSansSC-$w.ttf" --text-file="$chars" --flavor=woff2 --layout-features='*' \
    --output-file="$out/NotoSansSC-$w.subset.woff2"
done
ls -l "$out"
