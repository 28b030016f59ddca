package source

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// ReadText decodes a plain-text report and returns its paragraphs with the
// wrappers removed: sharing-site headers and file-name lines, banners,
// watermarks, injected pinyin and paywall lines; page markers and page
// numbers; portal chrome, metadata blocks (read into Source.Meta) and tables
// of contents. A transmittal notice before the report is kept, its lines
// marked (Para.Notice). Each removal is reported as a finding on its source
// line. Lines a PDF hard-wrapped are joined, tables
// flattened into text are rebuilt where their shape is certain, and every
// Para keeps its source line numbers (see Para.LineAt).
func ReadText(name string, data []byte) (*Source, error) {
	text, guessed, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	r := newReader(name, text)
	r.run()
	if guessed != "" {
		r.src.Findings = append([]report.Finding{{Line: 1, Level: report.Warning, Code: "encoding",
			Message: "read as " + guessed + ": check the text, and save the file as UTF-8"}}, r.src.Findings...)
	}
	return r.src, nil
}

// line is one source line on its way to becoming (part of) a Para.
type line struct {
	n      int    // 1-based source line
	text   string // without indentation and trailing spaces
	indent bool   // the source line was indented: a paragraph start
	drop   bool   // removed: a wrapper, or part of a rebuilt table
	join   bool   // a page marker was here: continue the previous line
	keep   bool   // never join this line to another (a suspected table)
	front  bool   // a line of the report's front (title, subtitle, speaker): spaces kept
	chrome bool   // removed as portal or sharing-site furniture
	notice bool   // a line of the transmittal notice before the report
	table  *Para  // a table rebuilt from the lines starting here
}

// reader carries one document through the stages of ReadText.
type reader struct {
	src    *Source
	lines  []line
	header bool // a sharing-site header was found
	flat   bool // a line held several paragraphs: reported once
	// pageDate is the date a page prints for itself (日期：2021-02-01),
	// YYYY-MM-DD: its 发布日期 when its metadata block names none.
	pageDate     string
	pageDateLine int
}

func newReader(name, text string) *reader {
	raw := strings.Split(text, "\n")
	lines := make([]line, len(raw))
	for i, s := range raw {
		lines[i] = line{n: i + 1, text: trimLine(s), indent: isIndented(s)}
	}
	return &reader{src: &Source{Name: name}, lines: lines}
}

// run applies the stages in order: whole-line wrappers first, so that page
// markers, tables and joins only ever see report text.
func (r *reader) run() {
	r.dropHeader()
	r.dropWatermarks()
	r.dropPinyin()
	r.dropMeta() // before chrome: 信息来源 may be a label in its table
	r.dropLineWrappers()
	r.markNotice()
	r.dropTOC()
	r.dropBeforeTitle()
	r.unspaceTitles()
	r.pageMarkers()
	r.findTables()
	r.buildParas()
	sort.SliceStable(r.src.Findings, func(i, j int) bool {
		return r.src.Findings[i].Line < r.src.Findings[j].Line
	})
}

// find records a finding.
func (r *reader) find(n int, lvl report.Level, code, format string, args ...any) {
	r.src.Findings = append(r.src.Findings, report.Finding{
		Line: n, Level: lvl, Code: code, Message: fmt.Sprintf(format, args...),
	})
}

// content returns the indexes of the lines still holding text, outside the
// transmittal notice.
func (r *reader) content() []int {
	var idx []int
	for i, l := range r.lines {
		if !l.drop && !l.notice && l.text != "" {
			idx = append(idx, i)
		}
	}
	return idx
}

// trimLine strips indentation (U+3000 pairs, ASCII spaces, tabs), trailing
// spaces and stray zero-width characters: layout, not text.
func trimLine(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
	})
}

// isIndented reports a line indented by two columns or more (a U+3000
// pair, 4 or 5 ASCII spaces, a tab).
func isIndented(s string) bool {
	w := 0
	for _, r := range s {
		switch r {
		case ' ', '\u00A0':
			w++
		case '\u3000':
			w += 2
		case '\t':
			w += 4
		default:
			return w >= 2
		}
	}
	return false
}

// quote shortens s for a finding message.
func quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return "“" + s + "”"
	}
	n := 0
	for i := range s {
		if n == max {
			return "“" + s[:i] + "…”"
		}
		n++
	}
	return "“" + s + "”"
}

// runes is the length of s in characters.
func runes(s string) int { return utf8.RuneCountInString(s) }

// shorter reports whether s has at most n characters, without counting
// long lines (a character is 1 to 4 bytes).
func shorter(s string, n int) bool {
	switch {
	case len(s) <= n:
		return true
	case len(s) > 4*n:
		return false
	}
	return runes(s) <= n
}
