#!/bin/sh
# Regenerates the .docx test inputs of ReadDocx (internal/source/docx_test.go)
# from the text sources beside this script, with real producers:
#   apt-get install -y pandoc
#   apt-get install -y --no-install-recommends libreoffice-writer
# Made with pandoc 2.17.1.1 and LibreOffice 7.4.7.2. The tests check text,
# styles and findings, not bytes, so other versions should do; if one writes
# differently, look at the failing test before changing it.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# pandoc_styles.docx — pandoc from Markdown: Title and Heading 1–3 styles (with
# w:outlineLvl), a pipe table, an embedded image (dot.png, a 1×1 PNG), a
# comment (comment-start/-end spans), a footnote, a tracked deletion and
# insertion (.deletion/.insertion spans), a bold run-in heading, a
# paragraph bold throughout and an ordered list (Word numbering "%1.").
pandoc pandoc_styles.md --resource-path=. -o pandoc_styles.docx

# lo_direct.docx — LibreOffice from HTML: a title made by direct formatting
# (bold, centred), numbering typed as text (一、 （一） 一是 1、), a line break,
# a hyperlink, and a table with a column span, a row span and a nested table.
cp lo_direct.html "$tmp/"
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$tmp/lo_direct.html" >/dev/null
cp "$tmp/lo_direct.docx" .

# lo_odt.docx — LibreOffice from a flat ODT (lo_odt.fodt.in, with dot.png
# embedded in place of @PNG@): a spaced-out bold centred title, custom
# paragraph styles carrying outline levels, a comment, a footnote, a tracked
# deletion and insertion, hidden text, a character style that is bold, tabs
# between Latin and between Chinese text, a line break, an image, a text
# box (which LibreOffice writes twice, as mc:Choice and mc:Fallback), and a
# two-level list numbered by Word as 一、 and （1）.
sed "s|@PNG@|$(base64 -w0 dot.png)|" lo_odt.fodt.in > "$tmp/lo_odt.fodt"
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$tmp/lo_odt.fodt" >/dev/null
cp "$tmp/lo_odt.docx" .

ls -l ./*.docx
