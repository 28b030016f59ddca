package outline

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/typo"
)

// Build normalises the typography of a decoded source and finds its
// structure. The findings list every normalisation made and everything odd
// left in the text, with source line numbers.
func Build(src *source.Source) (*report.Doc, []report.Finding) {
	paras, findings := normalise(src.Paras)
	doc := &report.Doc{}
	notice, paras := splitNotice(paras)
	front, paras := readFront(&doc.Meta, src, paras)
	findings = append(findings, front.fs...)
	b := builder{parenSections: startsAny(paras, "（一）", "(一)"), lineParts: startsAny(paras, "一、")}
	heads := headingLines(paras)
	for i, p := range paras {
		b.addPara(p, heads[i])
	}
	doc.Blocks = append(notice, b.blocks...)
	body := b.blocks
	findings = append(findings, front.quotedTitle(body)...)
	findings = append(findings, noFront(doc.Meta, body)...)
	if y := reviewedYear(body); y != 0 {
		doc.Meta.Year = y
	} else if doc.Meta.Year == 0 {
		doc.Meta.Year = openingYear(body)
	}
	fallback := append([]string{src.Meta["发布机构"]}, actorSentences(body)...)
	findings = append(findings, findPlace(&doc.Meta, front.placeSources(notice), fallback)...)
	findings = append(findings, b.findings...)
	findings = append(findings, FillIDs(doc)...)
	findings = append(findings, Check(doc)...)
	report.SortFindings(findings)
	return doc, findings
}

// noFront reports a copy that lost the report's front: the text starts at
// its first part (一、2025年工作回顾), with no title, subtitle, speaker or
// salutation before it, and no page named it. The missing values are
// reported each on its own too (no-title, no-date, no-place).
func noFront(m report.Meta, body []report.Block) []report.Finding {
	if m.Title != "" || m.Subtitle != "" || m.Speaker != "" || len(body) == 0 ||
		body[0].Kind != report.Part && body[0].Kind != report.Heading {
		return nil
	}
	b := body[0]
	return []report.Finding{{Line: b.Line, Level: report.Warning, Code: "no-front",
		Message: fmt.Sprintf("the text starts at its first part %q: no title, subtitle, speaker or salutation comes before it, so the copy lost the report's front; set title, date and place in the front matter",
			b.Marker+b.Title())}}
}

// splitNotice takes the paragraphs of a transmittal notice out of paras,
// as notice blocks: they come before the report, outside its numbering.
func splitNotice(paras []source.Para) ([]report.Block, []source.Para) {
	var notice []report.Block
	rest := paras[:0:0]
	for _, p := range paras {
		if p.Notice && p.Rows == nil {
			notice = append(notice, report.Block{Kind: report.Notice, Text: strings.TrimSpace(p.Text), Line: p.Line})
			continue
		}
		rest = append(rest, p)
	}
	return notice, rest
}

// startsAny reports whether a paragraph starts with one of the prefixes.
func startsAny(paras []source.Para, prefixes ...string) bool {
	for _, p := range paras {
		for _, pre := range prefixes {
			if strings.HasPrefix(strings.TrimSpace(p.Text), pre) {
				return true
			}
		}
	}
	return false
}

// normalise applies typo.Normalize to every paragraph and turns its changes
// into findings at the right source lines. Line breaks inside a paragraph
// (a .docx soft break) become paragraph breaks.
func normalise(in []source.Para) ([]source.Para, []report.Finding) {
	out := make([]source.Para, 0, len(in))
	var fs []report.Finding
	for _, p := range in {
		if p.Rows != nil {
			fs = append(fs, normaliseCells(p)...)
			out = append(out, p)
			continue
		}
		for _, piece := range splitLines(p) {
			text, changes := typo.Normalize(piece.Text)
			q := piece.Rewrite(text, shift(changes))
			fs = append(fs, changeFindings(text, changes, q.LineAt)...)
			out = append(out, q)
		}
	}
	return out, fs
}

// normaliseCells normalises a table's cells in place, joining the lines of
// a cell with spaces (a Markdown table cell is one line), and reports each
// change at the table's line.
func normaliseCells(p source.Para) []report.Finding {
	var fs []report.Finding
	at := func(int) int { return p.Line }
	for _, row := range p.Rows {
		for i, c := range row {
			if strings.Contains(c, "\n") {
				c = strings.ReplaceAll(c, "\n", " ")
				fs = append(fs, report.Finding{Line: p.Line, Level: report.Info, Code: "space",
					Message: fmt.Sprintf("the lines of table cell %q joined with spaces", around(c, 0))})
			}
			text, changes := typo.Normalize(c)
			fs = append(fs, changeFindings(text, changes, at)...)
			row[i] = text
		}
	}
	return fs
}

// splitLines cuts a paragraph at its line breaks, dropping empty pieces.
func splitLines(p source.Para) []source.Para {
	if !strings.Contains(p.Text, "\n") {
		return []source.Para{p}
	}
	var out []source.Para
	start := 0
	for i := 0; i <= len(p.Text); i++ {
		if i == len(p.Text) || p.Text[i] == '\n' {
			if strings.TrimSpace(p.Text[start:i]) != "" {
				out = append(out, p.Slice(start, i))
			}
			start = i + 1
		}
	}
	return out
}

func changeFindings(text string, changes []typo.Change, lineAt func(int) int) []report.Finding {
	fs := make([]report.Finding, 0, len(changes))
	for _, c := range changes {
		fs = append(fs, report.Finding{Line: lineAt(c.Off), Level: report.Info, Code: c.Code,
			Message: fmt.Sprintf("%q → %q in %q", c.Old, c.New, around(text, c.Off))})
	}
	return fs
}

// Normalize puts the text of a report read back from Markdown into
// canonical typography, and its dates in the form YYYY-MM-DD, reporting
// each change at its block's line.
func Normalize(doc *report.Doc) []report.Finding {
	fs := normalizeDates(&doc.Meta)
	at := func(line int) func(int) int { return func(int) int { return line } }
	norm := func(s *string, line int) {
		t, changes := typo.Normalize(*s)
		fs = append(fs, changeFindings(t, changes, at(line))...)
		*s = t
	}
	norm(&doc.Meta.Title, 0)
	norm(&doc.Meta.Subtitle, 0)
	norm(&doc.Meta.Speaker, 0)
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		norm(&b.Lead, b.Line)
		norm(&b.Text, b.Line)
		for _, row := range b.Rows {
			for j := range row {
				norm(&row[j], b.Line)
			}
		}
	}
	return fs
}

// shift maps offsets in a text before changes to offsets after them.
func shift(changes []typo.Change) func(int) int {
	return func(old int) int {
		delta := 0
		for _, c := range changes {
			if c.Off-delta >= old { // c starts at or after old, in old coordinates
				break
			}
			delta += len(c.New) - len(c.Old)
		}
		return old + delta
	}
}

// around quotes up to ten runes either side of byte offset off.
func around(s string, off int) string {
	i, j := off, off
	for n := 0; n < 10 && i > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	for n := 0; n < 10 && j < len(s); n++ {
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return s[i:j]
}

// simplified returns s with its Traditional characters in Simplified form,
// byte for byte as long (typo.Fold): the front of a report written in
// Traditional script (泥河鎮人民政府工作報告) reads as the same words.
func simplified(s string) string {
	f, _ := typo.Fold(s)
	return f
}

// LooksLikeReport reports whether a document is a report at all: enough
// Chinese text, and a title or the report's own numbering — or, where the
// copy lost both (a page flattened to one line, its numbering stripped),
// a hundred characters of sentences.
func LooksLikeReport(doc *report.Doc) bool {
	han := countHan(doc.Meta.Title, 20)
	prose := 0
	for _, b := range doc.Blocks {
		han += countHan(b.Content(), 20-han)
		if strings.Contains(b.Content(), "。") {
			prose += countHan(b.Content(), 100-prose)
		}
	}
	if han < 20 {
		return false
	}
	if doc.Meta.Title != "" || prose >= 100 {
		return true
	}
	for _, b := range doc.Blocks {
		if b.Kind.Level() > 0 {
			return true
		}
	}
	return false
}

// Import reads a report from a source file's bytes — text or .docx — and
// returns its document, slug filled in, with every finding about it: the
// reader's (wrappers removed) and the outline's, in line order.
func Import(name string, data []byte) (*report.Doc, []report.Finding, error) {
	src, err := source.Read(name, data)
	if err != nil {
		return nil, nil, err
	}
	doc, fs := Build(src)
	if !LooksLikeReport(doc) {
		return nil, nil, fmt.Errorf("%s: no report found: too little Chinese text, no title and no numbered parts; is this the right file?", name)
	}
	if err := CheckLimits(name, doc); err != nil {
		return nil, nil, err
	}
	doc.Meta.Source = filepath.Base(name)
	doc.Meta.Slug = Slug(doc.Meta.Year, doc.Meta.Place)
	if doc.Meta.Place == "" { // a page name from the file's, not a bare year or "report"
		doc.Meta.Slug = fileSlug(doc.Meta.Year, strings.TrimSuffix(doc.Meta.Source, filepath.Ext(name)))
	}
	fs = append(src.Findings, fs...)
	report.SortFindings(fs)
	return doc, fs, nil
}

// countHan counts the Chinese characters in s, stopping at limit.
func countHan(s string, limit int) int {
	n := 0
	for _, r := range s {
		if n >= limit {
			break
		}
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// Tidy puts a report read back from Markdown in canonical form, as fmt and
// build write it: typography normalised, missing anchors filled in. It
// returns the changes made and any anchor used twice.
func Tidy(doc *report.Doc) []report.Finding {
	return append(Normalize(doc), FillIDs(doc)...)
}

// Review tidies a report read back from Markdown and checks it: everything
// lint lists for content, in line order.
func Review(doc *report.Doc) []report.Finding {
	fs := append(Tidy(doc), Check(doc)...)
	report.SortFindings(fs)
	return fs
}

// yearNumber reads a year written in digits or in Chinese numerals
// (二〇二三 → 2023).
func yearNumber(s string) int {
	n := 0
	for _, r := range s {
		d := strings.IndexRune("〇一二三四五六七八九", r) / 3
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r == '零' || r == '○':
			d = 0
		}
		n = n*10 + d
	}
	return n
}
