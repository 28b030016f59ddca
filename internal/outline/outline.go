// Package outline finds a report's structure in its text: the title, the
// parts, sections, points and items of its own numbering, and the paragraphs
// between them, rebuilt where the source lost its line breaks.
package outline

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
)

// builder turns paragraphs into blocks, keeping the numbering state that
// decides whether 一、 is a part or a section restarting inside a part.
type builder struct {
	blocks   []report.Block
	findings []report.Finding
	lastPart int
	lastSect int
	restart  bool // the current part numbers its sections 一、二、
	heading  bool // under an unnumbered part heading (2023年工作回顾): 一、 starts a section

	address       bool // reading a paragraph that addresses the delegates (各位代表！)
	addressing    bool // since a paragraph turned back to the delegates, up to the next heading: the address, not the section
	parenSections bool // the text numbers sections （一）: 一、 is never a section of a heading
	lineParts     bool // some paragraph starts with 一、: parts stand on lines of their own
}

// addPara splits one source paragraph into blocks; heading says it is an
// unnumbered heading line.
func (b *builder) addPara(p source.Para, heading bool) {
	if p.Rows != nil {
		b.emit(p, 0, report.Block{Kind: report.Table, Rows: p.Rows})
		return
	}
	if heading {
		b.lastPart, b.lastSect, b.restart, b.addressing = 0, 0, false, false
		b.heading = !b.parenSections && looksLikePart(p.Text)
		b.emit(p, 0, report.Block{Kind: report.Heading, Lead: strings.TrimSpace(p.Text)})
		return
	}
	for pos := skipSpace(p.Text, 0); pos < len(p.Text); {
		pos = skipSpace(p.Text, b.addBlock(p, pos))
	}
}

// headingLines marks the paragraphs that are unnumbered headings on a line
// of their own (2024年工作回顾): a short line without punctuation followed by
// prose, or naming a part and followed by numbering, and not one of a run of
// short lines (the cells of a flattened table); or a .docx heading by style.
func headingLines(paras []source.Para) []bool {
	short := make([]bool, len(paras))
	for i, p := range paras {
		short[i] = isShortLine(p)
	}
	out := make([]bool, len(paras))
	for i, p := range paras {
		if p.OutlineLevel > 0 && p.Rows == nil {
			_, numbered := parseMarker(strings.TrimSpace(p.Text))
			out[i] = !numbered
			continue
		}
		prose := i+1 < len(paras) && paras[i+1].Rows == nil && !short[i+1] &&
			strings.ContainsAny(paras[i+1].Text, "。，")
		// 2023年工作回顾 over the numbered parts or sections it holds.
		numbered := false
		if i+1 < len(paras) && looksLikePart(p.Text) {
			_, numbered = parseMarker(strings.TrimSpace(paras[i+1].Text))
		}
		out[i] = short[i] && (prose || numbered) && (i == 0 || !short[i-1])
	}
	return out
}

// isShortLine reports whether a paragraph is a short line with no
// punctuation and no marker, ending in a Chinese character, not a date.
func isShortLine(p source.Para) bool {
	t := strings.TrimSpace(p.Text)
	if _, ok := parseMarker(t); ok || t == "" {
		return false
	}
	n := utf8.RuneCountInString(t)
	return n >= 4 && n <= 20 && !strings.ContainsAny(t, "。，；：！？、,;:!?（）()“”\"|") &&
		!dateRe.MatchString(t) && unicode.Is(unicode.Han, []rune(t)[n-1])
}

// skipSpace returns the offset of the first non-space at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += w
	}
	return i
}

func (b *builder) emit(p source.Para, off int, blk report.Block) {
	blk.Line = p.LineAt(off)
	blk.Lead = strings.TrimRightFunc(blk.Lead, unicode.IsSpace)
	blk.Text = strings.TrimRightFunc(blk.Text, unicode.IsSpace)
	if blk.Lead == "" {
		blk.Text = strings.TrimLeftFunc(blk.Text, unicode.IsSpace)
	}
	b.blocks = append(b.blocks, blk)
}

func (b *builder) warn(p source.Para, off int, code, format string, args ...any) {
	b.findings = append(b.findings, report.Finding{Line: p.LineAt(off), Level: report.Warning,
		Code: code, Message: fmt.Sprintf(format, args...)})
}

// addBlock adds the block that starts at pos and returns where the next
// block starts.
func (b *builder) addBlock(p source.Para, pos int) int {
	text := p.Text
	m, ok := parseMarker(text[pos:])
	ok = ok && plausible(text, pos, m)
	if ok && m.kind == report.Part {
		m.kind = b.classify(p, pos, m, text)
	}
	if ok && (m.kind == report.Part || m.kind == report.Section) {
		return b.addHeading(p, pos, m)
	}
	if ok && !(m.kind == report.Point && b.addressing) {
		return b.addNumbered(p, pos, m)
	}
	return b.addParagraph(p, pos)
}

// plausible rejects markers that are really numbers in running text:
// 三、四月份, 1、2号楼, 一、二、三产业.
func plausible(text string, pos int, m marker) bool {
	rest := text[pos+len(m.text):]
	if rest == "" {
		return m.kind == report.Part || m.kind == report.Section
	}
	if !strings.HasSuffix(m.text, "、") {
		return true
	}
	n, w := cnNumber(rest)
	if m.kind == report.Item {
		n, w = arabic(rest)
	}
	return n == 0 || cutPrefix(rest[w:], "、", "月", "日", "号", "楼", "产") == 0
}

// classify decides whether a 一、-style marker is a part or a section of a
// part that numbers its sections the same way.
func (b *builder) classify(p source.Para, pos int, m marker, text string) report.Kind {
	switch {
	case b.heading && b.lastPart == 0:
		return report.Section
	case b.lastPart == 0:
		return report.Part
	case b.restart && m.n == b.lastSect+1 && !(m.n == b.lastPart+1 && looksLikePart(text[pos+len(m.text):])):
		return report.Section
	case m.n == b.lastPart+1:
		return report.Part
	case m.n == 1 && !b.restart:
		b.restart = true
		b.findings = append(b.findings, report.Finding{Line: p.LineAt(pos), Level: report.Info,
			Code: "numbering-restart", Message: fmt.Sprintf("part %s numbers its sections %s…: read as sections", cnName(b.lastPart), m.text)})
		return report.Section
	case b.restart:
		return report.Section
	}
	return report.Part
}

// looksLikePart reports whether a heading reads like a part's title: it
// names a year or a report-level topic.
func looksLikePart(title string) bool {
	head := title[:runeIndex(title, maxHeading)]
	if strings.Contains(head, "年") && strings.ContainsAny(head[:strings.Index(head, "年")], "0123456789") {
		return true
	}
	for _, w := range []string{"工作回顾", "工作计划", "工作安排", "总体要求", "主要目标", "工作建议"} {
		if strings.Contains(head, w) {
			return true
		}
	}
	return false
}

func cnName(n int) string {
	if n >= 1 && n <= 10 {
		return strings.Split("一 二 三 四 五 六 七 八 九 十", " ")[n-1]
	}
	return fmt.Sprint(n)
}

func (b *builder) addHeading(p source.Para, pos int, m marker) int {
	text := p.Text
	from := pos + len(m.text)
	end, ok := headingEnd(text, from)
	if !ok {
		end = leadEnd(text, from, b.nextBoundary(text, from, 0))
		b.warn(p, pos, "heading-end", "no clear end to the heading %s%s…: check where its title stops",
			m.text, text[from:from+runeIndex(text[from:], 12)])
	}
	if m.kind == report.Part {
		b.lastPart, b.lastSect, b.restart = m.n, 0, false
	} else {
		b.lastSect = m.n
	}
	b.addressing = false
	b.emit(p, pos, report.Block{Kind: m.kind, Marker: m.text, Lead: text[from:end]})
	return end
}

func (b *builder) addNumbered(p source.Para, pos int, m marker) int {
	text := p.Text
	from := pos + len(m.text)
	expect := 0
	if m.kind == report.Point {
		expect = m.n + 1
	}
	next := b.nextBoundary(text, from, expect)
	le := leadEnd(text, from, next)
	b.emit(p, pos, report.Block{Kind: m.kind, Marker: m.text, Lead: text[from:le], Text: text[le:next]})
	return next
}

// salutation starts the speech and its sections: 各位代表：
const salutation = "各位代表"

func (b *builder) addParagraph(p source.Para, pos int) int {
	text := p.Text
	_, w := utf8.DecodeRuneInString(text[pos:])
	// 各位代表！… turns from a section back to the delegates: the 一是…五是
	// that sum up the years in it, or in the paragraphs after it up to the
	// next heading (the government's own work, after the last section), are
	// their text, not points of the section.
	if strings.HasPrefix(text[pos:], salutation+"！") || strings.HasPrefix(text[pos:], salutation+"，") {
		b.addressing = true
	}
	b.address = b.addressing
	next := b.nextBoundary(text, pos+w, 0)
	b.address = false
	if k := len(salutation + "："); strings.HasPrefix(text[pos:], salutation+"：") && pos+k < next {
		next = pos + k // the salutation is a line of its own
	}
	blk := report.Block{Kind: report.Paragraph, Text: text[pos:next]}
	if strings.HasPrefix(blk.Text, "——") {
		if le := leadEnd(text, pos, next); le < next && strings.ContainsRune("。！？", lastRune(text[:le])) {
			blk.Lead, blk.Text = text[pos:le], text[le:next]
		}
	}
	b.emit(p, pos, blk)
	return next
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// nextBoundary returns where the block that runs from from ends: at the next
// sentence that starts with a marker or the salutation, or at the end of the
// text. expect, if not 0, is the number of a point that may follow after a
// semicolon (一是…；二是…) because the block is itself a point.
func (b *builder) nextBoundary(text string, from, expect int) int {
	inline := 0     // next number of an inline enumeration ：一是…；二是…
	inlinePart := 0 // the same with 一、二、 after a colon: ：一、…。二、…
	for j := from; j < len(text); {
		r, w := utf8.DecodeRuneInString(text[j:])
		if j > from && isMarkerStart(r) {
			if m, ok := parseMarker(text[j:]); ok && plausible(text, j, m) {
				switch {
				case m.kind == report.Point:
					if !b.address && b.pointStarts(text, j, m, &inline, expect) {
						return j
					}
				case m.kind == report.Part && m.n == inlinePart:
					inlinePart++
				case b.partAfterColon(text, j, m):
					return j
				case m.kind == report.Part && m.n == 1 && strings.ContainsRune("：:", prevRune(text, j)):
					inlinePart = 2
				case sentenceEnd(text, j):
					return j
				}
			}
		}
		if j > from && r == '各' && strings.HasPrefix(text[j:], salutation) && sentenceEnd(text, j) {
			return j
		}
		j += w
	}
	return len(text)
}

// partAfterColon reports whether 一、 right after a colon starts the first
// part rather than an inline list: the text was run together (以下工作：一、突出
// 招商引资…。二、…), so 二、 follows as a sentence of its own, not after ；, and
// the part holds more than its heading.
func (b *builder) partAfterColon(text string, j int, m marker) bool {
	if b.lastPart != 0 || b.heading || b.lineParts || m.kind != report.Part || m.n != 1 || !strings.ContainsRune("：:", prevRune(text, j)) {
		return false
	}
	ahead := text[j:min(len(text), j+8000)]
	k := strings.Index(ahead, "。二、")
	return k > 0 && !strings.Contains(ahead, "；二、") && strings.Contains(ahead[:k], "。")
}

func isMarkerStart(r rune) bool {
	return r == '（' || r == '(' || r >= '0' && r <= '9' || strings.ContainsRune(cnDigits+"十", r)
}

// pointStarts decides whether N是 at j starts a point, tracking an inline
// enumeration: after a colon, 一是…；二是…。三是… all stay inside the text.
func (b *builder) pointStarts(text string, j int, m marker, inline *int, expect int) bool {
	prev := prevRune(text, j)
	switch {
	case m.n == *inline:
		*inline++
		return false
	case strings.ContainsRune(enumBefore, prev):
		if m.n == 1 {
			*inline = 2
			return false
		}
		return (prev == '；' || prev == ';') && m.n == expect
	case sentenceEnd(text, j):
		return true
	}
	// A point glued to the previous word (工作机制一是…) when a 二是 sentence follows.
	ahead := text[j:min(len(text), j+4000)]
	return m.n == 1 && !strings.ContainsRune(notPointBefore, prev) && strings.Contains(ahead, "。二是")
}
