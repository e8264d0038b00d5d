#!/usr/bin/env bash
# Builds the test papers' PDFs from their LaTeX sources. The PDFs are committed, so tests and CI
# need no TeX; run this after changing a source, then commit the PDFs it wrote.
# Needs TeX Live (Debian): apt-get install -y texlive-latex-base texlive-latex-recommended
#   texlive-latex-extra texlive-fonts-recommended texlive-publishers texlive-lang-chinese
#   texlive-xetex lmodern
# Output is reproducible: dates and document ids come from SOURCE_DATE_EPOCH.
set -euo pipefail
cd "$(dirname "$0")"
export SOURCE_DATE_EPOCH=1700000000 FORCE_SOURCE_DATE=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r ./*.tex shared "$work/"

run() { # engine file: two passes (references, contents), errors shown and fatal
  local engine=$1 file=$2
  for _ in 1 2; do
    (cd "$work/$(dirname "$file")" && "$engine" -interaction=nonstopmode -halt-on-error "$(basename "$file")" >/dev/null) || {
      tail -n 30 "$work/${file%.tex}.log" >&2
      exit 1
    }
  done
  echo "built ${file%.tex}.pdf"
}

run pdflatex shared/latexit-figure.tex # an included figure, not a test paper
for paper in ieee acl cvpr maths thesis; do
  run pdflatex "$paper.tex"
  cp "$work/$paper.pdf" .
done
run xelatex zh.tex
cp "$work/zh.pdf" .
