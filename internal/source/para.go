// Package source reads a report as it reaches an editor — text in any of the
// encodings Chinese offices use, or a .docx — and returns its paragraphs with
// the wrappers around the report (sharing-site header lines, page markers,
// portal chrome) removed and reported.
package source

import (
	"sort"

	"github.com/govreport/govreport/internal/report"
)

// Para is one paragraph (or, for text that lost its breaks, one run of text)
// of the source, in reading order.
type Para struct {
	Text string
	Line int // 1-based line (text) or paragraph number (.docx) where it starts

	// Hints from a .docx; zero for plain text.
	Style        string     // paragraph style name, e.g. "Heading 1", "Title"
	OutlineLevel int        // 1-9 from a Heading style or w:outlineLvl; 0 if none
	Bold         bool       // the whole paragraph is bold by direct formatting
	Centered     bool       // the paragraph is centred (titles often are)
	Rows         [][]string // a table: rows of cell texts; Text is empty

	// Notice marks a line of the transmittal notice (印发通知) printed
	// before the report: part of the document, not of the report.
	Notice bool

	// breaks holds offsets in Text where a further source line begins, so
	// that a position in a joined paragraph maps back to its source line.
	breaks []lineBreak
}

type lineBreak struct {
	off  int // byte offset in Text
	line int // source line that starts there
}

// LineAt returns the source line of byte offset off in p.Text.
func (p Para) LineAt(off int) int {
	// breaks are in offset order: binary search keeps Slice on a huge
	// joined paragraph from going quadratic.
	k := sort.Search(len(p.breaks), func(i int) bool { return p.breaks[i].off > off })
	if k == 0 {
		return p.Line
	}
	return p.breaks[k-1].line
}

// Slice returns the part of p from byte offset i to j as a paragraph of its
// own, keeping line numbers right.
func (p Para) Slice(i, j int) Para {
	q := p
	q.Text = p.Text[i:j]
	q.Line = p.LineAt(i)
	q.breaks = nil
	lo := sort.Search(len(p.breaks), func(k int) bool { return p.breaks[k].off > i })
	hi := sort.Search(len(p.breaks), func(k int) bool { return p.breaks[k].off >= j })
	for _, b := range p.breaks[lo:max(lo, hi)] {
		q.breaks = append(q.breaks, lineBreak{b.off - i, b.line})
	}
	return q
}

// Source is a decoded input: its paragraphs, what was found while reading
// it, and what its name tells (the date in "…(20240127).docx").
type Source struct {
	Name     string // the file name the text was read from
	Paras    []Para
	Findings []report.Finding
	// Title is the title named by a sharing-site header or file-name line,
	// or else by the 文件名称, 标题 or 名称 of a portal metadata block, if
	// any: the page's name for the report.
	Title string
	// Date is the date (YYYY-MM-DD) named by the header, as in
	// "…(20240127).docx", if any. A portal's dates are not the day the
	// report was given: they are in Meta.
	Date string
	// Meta holds fields of a portal metadata block found around the text,
	// keyed by their label with spaces removed, in Simplified script:
	// 索引号, 发布机构, 成文日期, 发布日期, 文号, 主题分类, 公开方式, 有效性,
	// and lesser ones (名称, 标题, 生成日期…). Every value has its field's
	// form (dates YYYY-MM-DD, 文号 with 〔〕, 索引号 code/year-serial); one
	// that had not is left out. A label some portals use for a core one
	// fills the core one too when it is missing (生成日期 gives 成文日期,
	// 公开日期 and 发布时间 发布日期, 发文字号 文号); so do the 文号 and date
	// of a transmittal notice, and the date a page prints for itself.
	Meta map[string]string
}
