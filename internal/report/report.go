// Package report holds the document model of a government work report: the
// one structure that importers produce, Markdown saves, and the site build
// reads back. Blocks are kept flat, in reading order; each block's level says
// where it sits in the report's own numbering.
package report

import "strings"

// Kind is what a block is in the report's numbering grammar.
type Kind int

// The kinds of block, from the outermost numbered level inwards.
const (
	Paragraph Kind = iota // unnumbered text; Lead may hold a run-in heading
	Heading               // an unnumbered heading on its own line (2024年工作回顾)
	Part                  // 一、
	Section               // （一）, or 一、 restarting inside a part
	Point                 // 一是… at the start of a paragraph
	Item                  // 1、 1. 1．
	SubItem               // （1）
	Table                 // rows of cells
	// Notice is a paragraph of the transmittal notice (印发通知) printed
	// before the report: part of the published document, outside the
	// report's own numbering. Notice blocks come first, in reading order.
	Notice
)

var kindNames = [...]string{"paragraph", "heading", "part", "section", "point", "item", "subitem", "table", "notice"}

// String returns the kind's lower-case English name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Level is the outline level of a kind: 1 is the title, 2 a part, 3 a
// section, 4 a point, 5 an item, 6 a sub-item; paragraphs, tables and
// notice paragraphs are 0.
func (k Kind) Level() int {
	switch k {
	case Heading, Part:
		return 2
	case Section:
		return 3
	case Point:
		return 4
	case Item:
		return 5
	case SubItem:
		return 6
	}
	return 0
}

// Block is one heading, point, item, paragraph or table of a report, or a
// paragraph of the notice printed before it.
type Block struct {
	Kind   Kind
	Marker string // numbering as written, after normalisation: 一、 （一） 一是 1、
	Lead   string // heading text, or a point's or item's lead sentence (经济发展稳中向好。)
	Text   string // the text after the lead; the whole text of a paragraph
	ID     string // ASCII anchor: s1, s1-2, s1-2-3, s1-2-p1
	Rows   [][]string
	Line   int // line in the source it came from (1-based), 0 if unknown
}

// Title is the lead without its closing full stop, as an outline shows it.
func (b Block) Title() string {
	return strings.TrimRight(b.Lead, "。：:；;！!，,")
}

// Content is all the report text the block carries, in reading order.
func (b Block) Content() string {
	if b.Kind == Table {
		var sb strings.Builder
		for _, r := range b.Rows {
			for _, c := range r {
				sb.WriteString(c)
			}
		}
		return sb.String()
	}
	return b.Marker + b.Lead + b.Text
}

// Meta is what a report's front matter says about it: its identity and the
// metadata block that disclosure portals require.
type Meta struct {
	Title    string // 2023年XX镇政府工作报告
	Subtitle string // ——2024年1月27日在…上
	Speaker  string // 镇长 …
	Date     string // the date the report was given, YYYY-MM-DD
	Year     int    // the year the report reviews
	Place    string // XX镇
	Slug     string // ASCII page name: 2023-xx-zhen
	Source   string // the file in sources/ it was imported from: 000_08af8ba22e60be61.txt
	// SourceURL is the public address the source text was taken from, when
	// known: a portal page or a repository file.
	SourceURL string

	IndexNo     string // 索引号
	Publisher   string // 发布机构
	WrittenDate string // 成文日期
	PubDate     string // 发布日期
	DocNo       string // 文号
	Topic       string // 主题分类
	Disclosure  string // 公开方式
	Validity    string // 有效性
}

// Doc is a whole report.
type Doc struct {
	Meta   Meta
	Blocks []Block
}

// Text is the report's body text run together: every block's content in
// order. Two docs hold the same words exactly when their Text is equal.
func (d *Doc) Text() string {
	var sb strings.Builder
	n := 0
	for _, b := range d.Blocks {
		n += len(b.Marker) + len(b.Lead) + len(b.Text)
	}
	sb.Grow(n)
	for _, b := range d.Blocks {
		sb.WriteString(b.Content())
	}
	return sb.String()
}
