// Package markdown saves a report as Markdown for Hugo and reads it back:
// TOML front matter with the report's metadata, headings with explicit ASCII
// ids, points and items as paragraphs led by a bold lead, block attributes
// carrying every paragraph's id. The paragraphs of a transmittal notice
// printed before the report are plain paragraphs whose attribute line adds
// the class notice ({#n1 .notice}). Parse(Write(doc)) == doc.
package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// noticeClass marks the paragraphs of the notice printed before a report.
const noticeClass = "notice"

// field is one front matter key and where its value lives in Meta.
type field struct {
	key string
	get func(*report.Meta) *string
}

// fields are the front matter's string keys, in the order they are written.
var fields = []field{
	{"title", func(m *report.Meta) *string { return &m.Title }},
	{"subtitle", func(m *report.Meta) *string { return &m.Subtitle }},
	{"speaker", func(m *report.Meta) *string { return &m.Speaker }},
	{"place", func(m *report.Meta) *string { return &m.Place }},
	{"slug", func(m *report.Meta) *string { return &m.Slug }},
	{"source", func(m *report.Meta) *string { return &m.Source }},
	{"source_url", func(m *report.Meta) *string { return &m.SourceURL }},
	{"index_no", func(m *report.Meta) *string { return &m.IndexNo }},
	{"publisher", func(m *report.Meta) *string { return &m.Publisher }},
	{"written_date", func(m *report.Meta) *string { return &m.WrittenDate }},
	{"pub_date", func(m *report.Meta) *string { return &m.PubDate }},
	{"doc_no", func(m *report.Meta) *string { return &m.DocNo }},
	{"topic", func(m *report.Meta) *string { return &m.Topic }},
	{"disclosure", func(m *report.Meta) *string { return &m.Disclosure }},
	{"validity", func(m *report.Meta) *string { return &m.Validity }},
}

// Write returns the report as Markdown in canonical form.
func Write(doc *report.Doc) []byte {
	var b bytes.Buffer
	n := 1024
	for _, blk := range doc.Blocks {
		n += len(blk.Marker) + len(blk.Lead) + len(blk.Text) + len(blk.ID) + 16
		for _, r := range blk.Rows {
			for _, c := range r {
				n += len(c) + 4
			}
		}
	}
	b.Grow(n)
	writeFront(&b, &doc.Meta)
	for _, blk := range doc.Blocks {
		b.WriteByte('\n')
		writeBlock(&b, blk)
	}
	return b.Bytes()
}

func writeFront(b *bytes.Buffer, m *report.Meta) {
	b.WriteString("+++\n")
	for _, f := range fields[:1] {
		fmt.Fprintf(b, "%s = %s\n", f.key, tomlString(*f.get(m)))
	}
	if _, err := time.Parse("2006-01-02", m.Date); err == nil {
		fmt.Fprintf(b, "date = %s\n", m.Date) // a TOML local date, as Hugo wants it
	} else if m.Date != "" {
		fmt.Fprintf(b, "date = %s\n", tomlString(m.Date)) // never invalid TOML; markdown.Parse reads it
	}
	fmt.Fprintf(b, "year = %d\n", m.Year)
	for _, f := range fields[1:] {
		fmt.Fprintf(b, "%s = %s\n", f.key, tomlString(*f.get(m)))
	}
	b.WriteString("+++\n")
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeBlock(b *bytes.Buffer, blk report.Block) {
	switch blk.Kind {
	case report.Heading, report.Part, report.Section:
		b.WriteString(strings.Repeat("#", blk.Kind.Level()))
		b.WriteByte(' ')
		b.WriteString(escape(blk.Marker + blk.Lead + blk.Text))
		fmt.Fprintf(b, " {#%s}\n", blk.ID)
		return
	case report.Table:
		writeTable(b, blk.Rows)
	case report.Notice:
		b.WriteString(escape(blk.Text))
		fmt.Fprintf(b, "\n{#%s .%s}\n", blk.ID, noticeClass)
		return
	default:
		writeLead(b, blk.Marker+blk.Lead, blk.Text)
		b.WriteString(escape(blk.Text))
		b.WriteByte('\n')
	}
	fmt.Fprintf(b, "{#%s}\n", blk.ID)
}

// leadPunct is punctuation that closes a lead. It is written after the
// closing ** because CommonMark does not close emphasis between punctuation
// and a following letter (**一是…。**我镇 would stay literal). When the text
// itself starts with such punctuation it stays inside (a following
// punctuation mark lets the emphasis close), so the reader can tell the two
// apart: it takes punctuation after the ** into the lead only when the bold
// part does not end in it already.
const leadPunct = "。！？，；：、"

func writeLead(b *bytes.Buffer, lead, text string) {
	if lead == "" {
		return
	}
	core := strings.TrimRight(lead, leadPunct)
	if core == "" {
		b.WriteString(escape(lead))
		return
	}
	if text != "" && strings.IndexAny(text, leadPunct) == 0 {
		core = lead
	}
	b.WriteString("**")
	b.WriteString(escape(core))
	b.WriteString("**")
	b.WriteString(lead[len(core):])
}

func writeTable(b *bytes.Buffer, rows [][]string) {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	for i, r := range rows {
		b.WriteByte('|')
		for c := 0; c < cols; c++ {
			cell := ""
			if c < len(r) {
				cell = r[c]
			}
			b.WriteByte(' ')
			b.WriteString(escapeCell(cell))
			b.WriteString(" |")
		}
		b.WriteByte('\n')
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
}

func escapeCell(s string) string {
	return strings.ReplaceAll(escape(s), "\n", " ")
}

// escape makes report text literal in Markdown: every ASCII character
// that could start markup is escaped, so raw HTML, ** placeholders and _
// blanks stay text.
func escape(s string) string {
	var b strings.Builder
	last := 0  // s[:last] is written
	start := 0 // where the current line starts
	// Every character escaped is ASCII, so the text is read byte by byte:
	// a byte of a multi-byte UTF-8 character is never one of them.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte("\\`*_[]<>&#~|!{}", c) >= 0 || (i == start && strings.IndexByte("-+=>", c) >= 0) ||
			(c == '.' || c == ')') && i > start && onlyDigits(s[start:i]) { // 1. at a line start would open a list
			if b.Len() == 0 {
				b.Grow(len(s) + len(s)/16 + 8)
			}
			b.WriteString(s[last:i])
			b.WriteByte('\\')
			last = i
		}
		if c == '\n' {
			start = i + 1
		}
	}
	if last == 0 && b.Len() == 0 {
		return s // nothing to escape: most report text
	}
	b.WriteString(s[last:])
	return b.String()
}

func onlyDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return utf8.ValidString(s)
}
