package outline

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/typo"
)

// Check reviews a report: numbering gaps and duplicates, a document that
// ends in a heading (a copy cut off), and, in every block's text,
// placeholders and other things the typography stage leaves for an editor.
func Check(doc *report.Doc) []report.Finding {
	fs := checkNumbering(doc.Blocks)
	if n := len(doc.Blocks); n > 0 {
		fs = append(fs, checkEnd(doc.Blocks[n-1])...)
	}
	for _, t := range []string{doc.Meta.Title, doc.Meta.Subtitle, doc.Meta.Speaker} {
		fs = append(fs, checkText(t, 0)...)
	}
	if doc.Meta.Title == "" {
		fs = append(fs, report.Finding{Level: report.Warning, Code: "no-title",
			Message: "the report's title was not found: set title in the front matter (the page shows a plain one from its place)"})
	}
	if doc.Meta.Date == "" {
		fs = append(fs, report.Finding{Level: report.Warning, Code: "no-date",
			Message: "the report's date is unknown: set date (YYYY-MM-DD) in the front matter"})
	}
	if doc.Meta.Year == 0 {
		fs = append(fs, report.Finding{Level: report.Warning, Code: "no-year",
			Message: "the year the report reviews is unknown: set year in the front matter"})
	}
	fs = append(fs, checkDisclosure(doc.Meta)...)
	for _, b := range doc.Blocks {
		fs = append(fs, checkText(b.Content(), b.Line)...)
	}
	return fs
}

// checkEnd reports a document that looks cut off: it ends with a heading
// and nothing under it, or in the middle of a sentence of a long paragraph
// (a short last line may be a signature or a date).
func checkEnd(last report.Block) []report.Finding {
	switch last.Kind {
	case report.Part, report.Section, report.Heading:
		return []report.Finding{{Line: last.Line, Level: report.Error, Code: "truncated",
			Message: fmt.Sprintf("the document ends with the heading %q and nothing under it: the copy may be cut off", last.Marker+last.Title())}}
	case report.Table:
		return nil
	}
	t := strings.TrimSpace(last.Content())
	r, _ := utf8.DecodeLastRuneInString(t)
	if utf8.RuneCountInString(t) <= 30 || strings.ContainsRune("。！？…”’）」』!?.)", r) {
		return nil
	}
	return []report.Finding{{Line: last.Line, Level: report.Warning, Code: "truncated",
		Message: fmt.Sprintf("the document ends mid-sentence (…%s): the copy may be cut off", around(t, len(t)))}}
}

func checkText(s string, line int) []report.Finding {
	var fs []report.Finding
	for _, is := range typo.Check(s) {
		fs = append(fs, report.Finding{Line: line, Level: is.Level, Code: is.Code, Message: is.Message})
	}
	return fs
}

// checkNumbering follows each level's numbering under its parent and
// reports numbers skipped or repeated.
func checkNumbering(blocks []report.Block) []report.Finding {
	var last [8]int // last number seen at each level under the current parents
	var fs []report.Finding
	for _, b := range blocks {
		lvl := b.Kind.Level()
		if lvl == 0 {
			continue
		}
		for l := lvl + 1; l < len(last); l++ {
			last[l] = 0
		}
		m, ok := parseMarker(b.Marker)
		if !ok {
			continue
		}
		switch prev := last[lvl]; {
		case m.n == prev:
			fs = append(fs, numbering(b, "numbering-dup", "%s%s repeats the number of the one before", b.Marker, b.Title()))
		case m.n > prev+1:
			fs = append(fs, numbering(b, "numbering-gap", "%s%s follows number %d: a number is skipped", b.Marker, b.Title(), prev))
		case m.n < prev && m.n != 1:
			fs = append(fs, numbering(b, "numbering-order", "%s%s comes after number %d", b.Marker, b.Title(), prev))
		}
		last[lvl] = m.n
	}
	return fs
}

func numbering(b report.Block, code, format string, args ...any) report.Finding {
	return report.Finding{Line: b.Line, Level: report.Warning, Code: code, Message: fmt.Sprintf(format, args...)}
}

// roundYearRe is a 文号's year in round brackets, (2023), where GB/T 9704
// wants 〔2023〕.
var roundYearRe = regexp.MustCompile(`[（(]\d{4}[）)]`)

// checkDisclosure reviews the metadata block portals require: dates that
// are not YYYY-MM-DD (an error: the page cannot show them), a 文号 with the
// wrong brackets (GB/T 9704: 〔2023〕), and the fields left empty, which
// the page shows as 未填写.
func checkDisclosure(m report.Meta) []report.Finding {
	var fs []report.Finding
	for _, d := range []struct{ key, label, v string }{{"date", "日期", m.Date}, {"written_date", "成文日期", m.WrittenDate}, {"pub_date", "发布日期", m.PubDate}} {
		if _, err := time.Parse("2006-01-02", d.v); d.v != "" && err != nil { // two-digit month and day, a real day
			fs = append(fs, report.Finding{Level: report.Error, Code: "meta-date",
				Message: fmt.Sprintf("%s (%s) %q is not a date written YYYY-MM-DD", d.key, d.label, d.v)})
		}
	}
	if strings.ContainsAny(m.DocNo, "[]【】［］") || roundYearRe.MatchString(m.DocNo) {
		fs = append(fs, report.Finding{Level: report.Warning, Code: "doc-no",
			Message: fmt.Sprintf("doc_no (文号) %q: the year goes in 〔〕, as in X政〔2024〕1号", m.DocNo)})
	}
	var empty []string
	for _, f := range []struct{ label, v string }{{"索引号", m.IndexNo}, {"成文日期", m.WrittenDate}, {"发布日期", m.PubDate}, {"文号", m.DocNo}, {"有效性", m.Validity}} {
		if strings.TrimSpace(f.v) == "" {
			empty = append(empty, f.label)
		}
	}
	if len(empty) > 0 {
		note := "the page shows 未填写"
		if m.PubDate == "" {
			note += "; for 发布日期, the report's date"
		}
		fs = append(fs, report.Finding{Level: report.Warning, Code: "meta-missing",
			Message: fmt.Sprintf("disclosure metadata not filled in: %s (%s)", strings.Join(empty, "、"), note)})
	}
	return fs
}
