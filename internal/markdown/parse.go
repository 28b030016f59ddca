package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/typo"
)

// newParser returns goldmark set up as the site's Hugo config sets it up:
// tables, CJK, heading and block attributes, no typographer.
func newParser() parser.Parser {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.CJK, blockAttributes{}),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	return md.Parser()
}

// MaxContent is the largest content file read (bytes): what import makes
// of the largest input accepted (source.MaxText), with room for the
// anchors, escapes and front matter it adds.
const MaxContent = 4 * source.MaxText

// Parse reads a report back from its Markdown form. name is used in errors.
// It refuses content over MaxContent or over one of the limits of
// outline.CheckLimits. The figure limit (indicator.CheckLimit) is left to
// the caller, which extracts the figures anyway: extracting them here too
// would cost a build a third of its time reading content.
func Parse(name string, data []byte) (*report.Doc, error) {
	doc := &report.Doc{}
	body, bodyLine, err := parseFront(name, data, &doc.Meta)
	if err != nil {
		return nil, err
	}
	root := newParser().Parse(text.NewReader(body))
	lines := lineIndex(body)
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		blk, err := readBlock(n, body)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, bodyLine+lines(n)-1, err)
		}
		blk.Line = bodyLine + lines(n) - 1
		doc.Blocks = append(doc.Blocks, blk)
	}
	if err := outline.CheckLimits(name, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// ParseMeta reads only the front matter of a report's Markdown form: what
// a caller needs that does not look at the text (which source a report was
// imported from). name is used in errors.
func ParseMeta(name string, data []byte) (*report.Meta, error) {
	m := &report.Meta{}
	_, _, err := parseFront(name, data, m)
	return m, err
}

// parseFront checks data's encoding, reads its front matter into m and
// returns the body and the line it starts on.
func parseFront(name string, data []byte, m *report.Meta) (body []byte, bodyLine int, err error) {
	if len(data) > MaxContent {
		return nil, 0, fmt.Errorf("%s: %d bytes is too large for a report's content: it may be at most %d MiB (%d bytes); the longest reports are about 100 KB", name, len(data), MaxContent>>20, MaxContent)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // Notepad's UTF-8 signature
	if !utf8.Valid(data) {
		line := bytes.Count(data[:source.FirstInvalidUTF8(data)], []byte("\n")) + 1
		return nil, 0, fmt.Errorf("%s:%d: not UTF-8 text: save the file as UTF-8 (a GBK/GB18030 original can be read with govreport import)", name, line)
	}
	if off, r := typo.FirstControl(string(data)); off >= 0 {
		line := bytes.Count(data[:off], []byte("\n")) + 1
		return nil, 0, fmt.Errorf("%s:%d: %s", name, line, controlMessage(r))
	}
	front, body, bodyLine, err := splitFront(data)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", name, err)
	}
	if err := readFront(m, front); err != nil {
		if ke, ok := err.(keyError); ok {
			return nil, 0, fmt.Errorf("%s:%d: front matter: %s", name, max(FrontLine(data, ke.key), 2), ke.msg)
		}
		return nil, 0, frontError(name, front, err)
	}
	return body, bodyLine, nil
}

// controlMessage says what is wrong with control character r in a content
// file and what to do.
func controlMessage(r rune) string {
	return fmt.Sprintf("control character U+%04X in the text: delete it (it is binary data, not text: a page cannot show it)", r)
}

// FrontFindings gives each finding about a front matter value, one with no
// line whose message starts with the key (pub_date "2024/1/5" read as …),
// the line of data that sets that key.
func FrontFindings(data []byte, fs []report.Finding) {
	for i, f := range fs {
		if f.Line != 0 {
			continue
		}
		key, _, _ := strings.Cut(f.Message, " ")
		if !frontKey(key) {
			continue
		}
		fs[i].Line = FrontLine(data, key)
	}
}

// frontKey reports whether key is one of the front matter's keys.
func frontKey(key string) bool {
	if key == "date" || key == "year" {
		return true
	}
	for _, f := range fields {
		if f.key == key {
			return true
		}
	}
	return false
}

// FrontLine returns the line of a report's Markdown file whose front matter
// sets key (key = …), or 0.
func FrontLine(data []byte, key string) int {
	for i, l := range strings.Split(string(data), "\n") {
		if k, _, ok := strings.Cut(l, "="); ok && strings.TrimSpace(k) == key {
			return i + 1
		}
		if i > 0 && strings.TrimSpace(l) == "+++" {
			break // the end of the front matter
		}
	}
	return 0
}

// tomlPosRe finds the line and column in the TOML decoder's error;
// tomlCharRe the character it names, which it decodes byte by byte.
var (
	tomlPosRe  = regexp.MustCompile(`"?_stream\.toml:(\d+):(\d+)"?:\s*(?:unmarshal failed:\s*)?`)
	tomlCharRe = regexp.MustCompile(` character U\+[0-9A-F]{4} '.'`)
)

// frontError reports a front matter the TOML decoder refused at the file's
// own line, quoting it: the decoder counts from the first line after +++
// and names bytes, not characters.
func frontError(name string, front []byte, err error) error {
	m := tomlPosRe.FindStringSubmatchIndex(err.Error())
	if m == nil {
		return fmt.Errorf("%s:2: front matter: %w", name, err)
	}
	msg := err.Error()
	l, _ := strconv.Atoi(msg[m[2]:m[3]])
	detail := tomlCharRe.ReplaceAllString(msg[m[1]:], " character")
	lines := strings.Split(string(front), "\n")
	quoted := ""
	if l >= 1 && l <= len(lines) {
		quoted = fmt.Sprintf(" in %q", lines[l-1])
	}
	return fmt.Errorf("%s:%d: front matter: %s%s: text goes in double quotes (key = \"…\"), year is a number, dates are YYYY-MM-DD", name, l+1, detail, quoted)
}

// splitFront cuts the +++ TOML front matter off the body; bodyLine is the
// line of the file the body starts on.
func splitFront(data []byte) (front, body []byte, bodyLine int, err error) {
	const fence = "+++\n"
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte(fence)) {
		return nil, nil, 0, fmt.Errorf("no +++ front matter at the top: run govreport import to make content")
	}
	end := bytes.Index(data[len(fence):], []byte("\n"+fence))
	if end < 0 {
		return nil, nil, 0, fmt.Errorf("front matter is not closed by a +++ line")
	}
	front = data[len(fence) : len(fence)+end+1]
	body = data[len(fence)+end+1+len(fence):]
	return front, body, bytes.Count(data[:len(data)-len(body)], []byte("\n")) + 1, nil
}

func readFront(m *report.Meta, front []byte) error {
	v, err := metadecoders.Default.UnmarshalToMap(quoteDates(front), metadecoders.TOML)
	if err != nil {
		return err
	}
	for _, f := range fields {
		if x, ok := v[f.key]; ok {
			s, ok := textValue(x)
			if !ok {
				return keyError{f.key, fmt.Sprintf("%s = %v: write text in double quotes", f.key, x)}
			}
			if off, r := typo.FirstControl(s); off >= 0 { // written as an escape, \u0000
				return keyError{f.key, f.key + ": " + controlMessage(r)}
			}
			*f.get(m) = s
		}
	}
	if x, ok := v["date"]; ok {
		d, ok := textValue(x)
		if !ok {
			return keyError{"date", fmt.Sprintf("date = %v: write the date as YYYY-MM-DD, as in date = 2024-01-27", x)}
		}
		m.Date = d
	}
	// Hugo reads date as the page's date: one that names no day stops here.
	// written_date and pub_date are text to Hugo; outline.Check reports them.
	if _, ok := outline.ParseDate(m.Date); m.Date != "" && !ok {
		return keyError{"date", fmt.Sprintf("date = %q is not a day: write it YYYY-MM-DD, as in date = 2024-01-27", m.Date)}
	}
	switch y := v["year"].(type) {
	case nil:
	case int64:
		m.Year = int(y)
	case string:
		if m.Year, err = strconv.Atoi(y); err != nil && y != "" {
			return keyError{"year", fmt.Sprintf("year = %q: write the year as a number, year = 2023", y)}
		}
	default:
		return keyError{"year", fmt.Sprintf("year = %v: write the year as a number, year = 2023", y)}
	}
	return nil
}

// dateLineRe is a front matter line setting a date; tomlDateRe a value
// TOML reads as a date or date-time.
var (
	dateLineRe = regexp.MustCompile(`^(\s*(?:date|written_date|pub_date)\s*=\s*)(.*?)\s*$`)
	tomlDateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?(?:\s*#.*)?$`)
)

// quoteDates puts in double quotes the dates an editor wrote without them
// in a form TOML does not read (date = 2024/1/27, date = 2024年1月27日), line
// for line, so that they are read and then checked as dates.
func quoteDates(front []byte) []byte {
	lines := strings.Split(string(front), "\n")
	changed := false
	for i, l := range lines {
		m := dateLineRe.FindStringSubmatch(l)
		if m == nil || m[2] == "" || strings.HasPrefix(m[2], "\"") || strings.HasPrefix(m[2], "'") || tomlDateRe.MatchString(m[2]) {
			continue
		}
		val, _, _ := strings.Cut(m[2], " #") // a comment after it
		lines[i], changed = m[1]+tomlString(strings.TrimSpace(val)), true
	}
	if !changed {
		return front
	}
	return []byte(strings.Join(lines, "\n"))
}

// textValue reads a front matter value as text: a string as it is, a TOML
// date or date-time as its day, YYYY-MM-DD (the editor wrote pub_date =
// 2024-01-10 without quotes, as date is written).
func textValue(x any) (string, bool) {
	switch x := x.(type) {
	case string:
		return x, true
	case time.Time:
		return x.Format("2006-01-02"), true
	case fmt.Stringer: // a TOML local date or date-time
		if s := x.String(); isoDayRe.MatchString(s) {
			return s[:10], true
		}
	}
	return "", false
}

var isoDayRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// keyError is a front matter value of the wrong kind, for the key's line.
type keyError struct{ key, msg string }

func (e keyError) Error() string { return e.msg }

// lineIndex returns a function giving the 1-based line a block starts on.
func lineIndex(src []byte) func(ast.Node) int {
	return func(n ast.Node) int {
		off := -1
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			off = n.Lines().At(0).Start
		}
		for c := n.FirstChild(); off < 0 && c != nil; c = c.FirstChild() {
			if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
				off = c.Lines().At(0).Start
			}
		}
		if off < 0 {
			return 1
		}
		return bytes.Count(src[:off], []byte("\n")) + 1
	}
}

func id(n ast.Node) string {
	if v, ok := n.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return ""
}

// hasClass reports whether a block's attributes give it the class c.
func hasClass(n ast.Node, c string) bool {
	v, ok := n.AttributeString("class")
	if !ok {
		return false
	}
	b, _ := v.([]byte)
	return slices.Contains(strings.Fields(string(b)), c)
}

// readBlock turns one top-level Markdown block into a report block.
func readBlock(n ast.Node, src []byte) (report.Block, error) {
	switch n := n.(type) {
	case *ast.Heading:
		return readHeading(n, src)
	case *ast.Paragraph:
		return readParagraph(n, src), nil
	case *east.Table:
		return report.Block{Kind: report.Table, ID: id(n), Rows: readRows(n, src)}, nil
	case *ast.HTMLBlock: // raw HTML typed into a report is its text, shown as text
		return readHTMLBlock(n, src), nil
	}
	return report.Block{}, fmt.Errorf("unexpected %s: report content holds only headings, paragraphs and tables", n.Kind())
}

func readHeading(n *ast.Heading, src []byte) (report.Block, error) {
	t := inlineText(n, src)
	kind, mark, rest := outline.SplitMarker(t)
	switch {
	case n.Level != 2 && n.Level != 3:
		return report.Block{}, fmt.Errorf("heading level %d: parts are ## and sections ###", n.Level)
	case mark == "":
		kind = report.Heading
	case n.Level == 2:
		kind = report.Part
	default:
		kind = report.Section
	}
	return report.Block{Kind: kind, Marker: mark, Lead: rest, ID: id(n)}, nil
}

// readParagraph reads a paragraph, a point or an item: a leading bold run
// is the lead, with the punctuation that follows it.
func readParagraph(n *ast.Paragraph, src []byte) report.Block {
	blk := report.Block{Kind: report.Paragraph, ID: id(n)}
	first := n.FirstChild()
	if hasClass(n, noticeClass) {
		blk.Kind, blk.Text = report.Notice, inlineText(n, src)
		if hasMarkup(first) {
			blk.Text = rawFrom(n, src, n.Lines().At(0).Start)
		}
		return blk
	}
	if e, ok := first.(*ast.Emphasis); ok && e.Level == 2 {
		lead := inlineText(e, src)
		rest := inlineTextFrom(first.NextSibling(), src)
		if hasMarkup(first.NextSibling()) {
			rest = rawFrom(n, src, leadEnd(e, src))
		}
		p := 0
		if strings.TrimRight(lead, leadPunct) == lead {
			p = len(rest) - len(strings.TrimLeft(rest, leadPunct))
		}
		blk.Lead, blk.Text = lead+rest[:p], rest[p:]
		if kind, mark, r := outline.SplitMarker(blk.Lead); kind >= report.Point && kind <= report.SubItem {
			blk.Kind, blk.Marker, blk.Lead = kind, mark, r
		}
		return blk
	}
	blk.Text = inlineText(n, src)
	if hasMarkup(first) {
		blk.Text = rawFrom(n, src, n.Lines().At(0).Start)
	}
	return blk
}

// Markdown an editor typed by hand into a paragraph (a link, emphasis,
// code, raw HTML) is the report's text as written: the paragraph's source
// is taken as it stands, backslashes too, and Write escapes it so that the
// page shows it as text.

// hasMarkup reports whether the inline nodes from c on hold anything but text.
func hasMarkup(c ast.Node) bool {
	for ; c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Text, *ast.String:
		default:
			return true
		}
	}
	return false
}

// rawFrom returns paragraph n's source text from offset from on, its lines
// joined as joinLines does.
func rawFrom(n ast.Node, src []byte, from int) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if seg.Stop <= from {
			continue
		}
		seg.Start = max(seg.Start, from)
		b.Write(seg.Value(src))
	}
	return joinLines(strings.TrimRight(b.String(), "\n"))
}

// leadEnd returns the source offset just after a bold lead's closing **.
func leadEnd(e *ast.Emphasis, src []byte) int {
	end := 0
	_ = ast.Walk(e, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			end = max(end, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	for end < len(src) && src[end] == '*' {
		end++
	}
	return end
}

// attrLineRe is a block attribute line, {#id}, that an HTML block took in.
var attrLineRe = regexp.MustCompile(`^\{#([^\s}]+)\}$`)

// readHTMLBlock reads an HTML block as a paragraph of text: its lines as
// written, and its {#id}: the attribute line after a block that a closing
// line ends (<!-- -->, <script>, <pre> …), or the last line of one that a
// blank line ends (<div>), which CommonMark makes part of it.
func readHTMLBlock(n *ast.HTMLBlock, src []byte) report.Block {
	var lines []string
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		lines = append(lines, strings.TrimRight(string(seg.Value(src)), "\n"))
	}
	if n.HasClosure() {
		lines = append(lines, strings.TrimRight(string(n.ClosureLine.Value(src)), "\n"))
	}
	blk := report.Block{Kind: report.Paragraph, ID: id(n)}
	if k := len(lines) - 1; k > 0 && blk.ID == "" {
		if m := attrLineRe.FindStringSubmatch(strings.TrimSpace(lines[k])); m != nil {
			blk.ID, lines = m[1], lines[:k]
		}
	}
	blk.Text = joinLines(strings.TrimSpace(strings.Join(lines, "\n")))
	return blk
}

func readRows(t *east.Table, src []byte) [][]string {
	var rows [][]string
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var row []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			row = append(row, inlineText(c, src))
		}
		rows = append(rows, row)
	}
	return rows
}

// inlineText returns the text of n's inline children, unescaped.
func inlineText(n ast.Node, src []byte) string { return inlineTextFrom(n.FirstChild(), src) }

func inlineTextFrom(c ast.Node, src []byte) string {
	var b strings.Builder
	for ; c != nil; c = c.NextSibling() {
		writeInline(&b, c, src)
	}
	return joinLines(b.String())
}

// joinLines joins the lines of a paragraph an editor wrapped by hand, as
// Hugo's CJK setting renders them: nothing between Chinese characters, a
// space between Latin words. Report text itself holds no line breaks.
func joinLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if i > 0 && line != "" {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(line)
			if prev < utf8.RuneSelf && next < utf8.RuneSelf && b.Len() > 0 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

func writeInline(b *strings.Builder, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(util.UnescapePunctuations(n.Value(src)))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte('\n')
		}
	case *ast.String:
		b.Write(n.Value)
	case *ast.RawHTML: // report text, never markup: kept as written, shown as text
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(src))
		}
	case *ast.AutoLink:
		fmt.Fprintf(b, "<%s>", n.URL(src))
	case *ast.Link:
		b.WriteByte('[')
		writeChildren(b, n, src)
		fmt.Fprintf(b, "](%s)", n.Destination)
	case *ast.Image:
		b.WriteString("![")
		writeChildren(b, n, src)
		fmt.Fprintf(b, "](%s)", n.Destination)
	case *ast.CodeSpan:
		b.WriteByte('`')
		writeChildren(b, n, src)
		b.WriteByte('`')
	case *ast.Emphasis: // only a point's lead is bold (readParagraph)
		mark := strings.Repeat("*", n.Level)
		b.WriteString(mark)
		writeChildren(b, n, src)
		b.WriteString(mark)
	default:
		writeChildren(b, n, src)
	}
}

func writeChildren(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeInline(b, c, src)
	}
}
