package site

import (
	"html"
	"strconv"
	"strings"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/typo"
)

// The report's own part of its pages is rendered here, in Go, from the
// document model, in one pass over its blocks: the key figures, the
// contents, the text with a "¶" link on every paragraph, and after each
// part or section a table of the figures it states. The layouts keep the
// page around it (layouts/reports/page.html, page.print.html) and say where
// this goes with the partial report-body.html; the build splices it in.
// Done per page in templates, the same work cost most of a build's time and
// grew with the square of a section's figures.

// Markers the layouts emit (through the partials report-body.html and
// report-print.html) where the build splices the report's own HTML.
const (
	bodyMarker  = "<!--govreport:body-->"
	printMarker = "<!--govreport:print-->"
)

// placeholderNote explains the placeholder marks, before the text that has
// them.
const placeholderNote = `<p class=e>注：文中加点下划线的 <u>XX</u> 等为原文未公开的数值或名称。`

// renderBody returns the report page's own HTML for doc, whose figures
// are ins, already minified: the markup the minifier would make of it.
func renderBody(doc *report.Doc, ins []indicator.Indicator) string {
	w := htmlWriter{mark: true}
	w.Grow(2*textSize(doc) + 300*len(ins))
	w.keyFigures(ins)
	w.contents(doc.Blocks)
	if hasPlaceholders(doc) {
		w.WriteString(placeholderNote)
	}
	w.blocks(doc.Blocks, ins)
	return w.String()
}

// renderPrint returns the print version's text of doc: headings keep
// their ids, paragraphs have no links and no figure tables follow them.
func renderPrint(doc *report.Doc) string {
	var w htmlWriter
	w.Grow(textSize(doc) + 40*len(doc.Blocks))
	for _, b := range doc.Blocks {
		w.block(b, false)
	}
	return w.String()
}

// textSize is about how many bytes a report's text takes.
func textSize(doc *report.Doc) int {
	n := 0
	for _, b := range doc.Blocks {
		n += len(b.Marker) + len(b.Lead) + len(b.Text) + len(b.ID)
		for _, r := range b.Rows {
			for _, c := range r {
				n += len(c)
			}
		}
	}
	return n
}

// hasPlaceholders reports whether the text a report page shows in its
// <main> holds a placeholder: its title, subtitle, speaker or body.
func hasPlaceholders(doc *report.Doc) bool {
	m := doc.Meta
	title := m.Title
	if title == "" {
		title = m.Place
	}
	for _, s := range []string{title, m.Subtitle, m.Speaker} {
		if len(typo.Placeholders(s)) > 0 {
			return true
		}
	}
	for _, b := range doc.Blocks {
		if len(typo.Placeholders(b.Content())) > 0 {
			return true
		}
		for _, r := range b.Rows {
			for _, c := range r {
				if len(typo.Placeholders(c)) > 0 {
					return true
				}
			}
		}
	}
	return false
}

// htmlWriter writes minified HTML: attribute values unquoted where HTML
// allows, optional end tags left out.
type htmlWriter struct {
	strings.Builder
	mark bool // mark placeholders (the screen page; print shows the text alone)
}

// text writes report text, escaped, with each placeholder in <u> when
// marking.
func (w *htmlWriter) text(s string) {
	if !w.mark {
		w.esc(s)
		return
	}
	last := 0
	for _, r := range typo.Placeholders(s) {
		w.esc(s[last:r[0]])
		w.WriteString("<u>")
		w.esc(s[r[0]:r[1]])
		w.WriteString("</u>")
		last = r[1]
	}
	w.esc(s[last:])
}

// esc writes s escaped for HTML text.
func (w *htmlWriter) esc(s string) {
	if strings.ContainsAny(s, `<>&'"`) {
		s = textEscaper.Replace(s)
	}
	w.WriteString(s)
}

// textEscaper escapes what HTML text needs escaped; quotes need nothing
// outside attributes.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// attr writes name=value, quoting the value only when HTML requires it.
func (w *htmlWriter) attr(name, value string) {
	w.WriteByte(' ')
	w.WriteString(name)
	w.WriteByte('=')
	if value != "" && !strings.ContainsAny(value, " \t\n\f\r\"'=<>`&") {
		w.WriteString(value)
		return
	}
	w.WriteByte('"')
	w.WriteString(html.EscapeString(value))
	w.WriteByte('"')
}

// keyFigures writes the featured figures as cards, one per label (限上社会
// 消费品零售额 XX万元 and 增长20.56% share one), each linking to its sentence.
func (w *htmlWriter) keyFigures(ins []indicator.Indicator) {
	var feat []indicator.Indicator
	for _, in := range ins {
		if in.Featured {
			feat = append(feat, in)
		}
	}
	if len(feat) == 0 {
		return
	}
	ks := kinds(feat)
	w.WriteString("<h2 id=kf>主要数据")
	if len(ks) == 1 {
		w.WriteString("（" + ks[0] + "）")
	}
	w.WriteString("</h2><ul class=k>")
	var labels []string
	by := map[string][]indicator.Indicator{}
	for _, in := range feat {
		l := labelOf(in)
		if by[l] == nil {
			labels = append(labels, l)
		}
		by[l] = append(by[l], in)
	}
	for _, l := range labels {
		g := by[l]
		w.WriteString("<li><a")
		w.attr("href", "#"+g[0].Anchor)
		w.WriteByte('>')
		w.esc(l)
		w.WriteString("</a>")
		for _, in := range g {
			w.WriteString("<b>")
			w.value(in)
			if len(ks) > 1 {
				w.WriteString("<small>" + kinds([]indicator.Indicator{in})[0] + "</small>")
			}
			w.WriteString("</b>")
		}
	}
	w.WriteString("</ul>")
}

// labelOf is an indicator's label, or （原句） for a figure the extractor
// could not name: a link is never empty.
func labelOf(in indicator.Indicator) string {
	if in.Label == "" {
		return "（原句）"
	}
	return in.Label
}

// kinds returns the distinct "2023年实绩" / "2024年目标" of ins, in order.
func kinds(ins []indicator.Indicator) []string {
	var out []string
	seen := map[string]bool{}
	for _, in := range ins {
		k := "实绩"
		if in.Kind == indicator.Target {
			k = "目标"
		}
		if in.Year > 0 {
			k = strconv.Itoa(in.Year) + "年" + k
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// value writes one figure as the report writes it (see figureText); a
// placeholder is marked, with the note 数值未公开, and a figure whose unit
// the text left out says so.
func (w *htmlWriter) value(in indicator.Indicator) {
	v := figureText(in)
	if in.Redacted {
		w.WriteString("<u>")
		w.esc(v)
		w.WriteString("</u><small>数值未公开</small>")
		return
	}
	w.esc(v)
	if in.UnitMissing {
		w.WriteString("<small>原文未写单位</small>")
	}
}

// figureText is a figure as the report says it, with its qualifier and
// direction of change: 预计增长18.3%, 增长近10%, 100万吨以上.
func figureText(in indicator.Indicator) string {
	v, post := in.Written, ""
	if q := in.Qualifier; q != "" && !strings.Contains(v, q) {
		switch q {
		case "以上", "以下", "以内", "左右":
			post = q
		default:
			v = q + v
		}
	}
	if in.Change {
		verb := "增长"
		if in.Value != nil && *in.Value < 0 {
			verb = "下降"
		}
		if in.Qualifier == "预计" && strings.HasPrefix(v, "预计") {
			v = "预计" + verb + strings.TrimPrefix(v, "预计")
		} else {
			v = verb + v
		}
	}
	return v + post
}

// contents writes the list of parts (h2), each with its sections (h3); a
// section before any part is listed at the top.
func (w *htmlWriter) contents(blocks []report.Block) {
	depth := 0 // lists open: 1 the parts', 2 also a part's sections'
	part := false
	for _, b := range blocks {
		lv := headingLevel(b)
		switch {
		case lv == 0:
			continue
		case depth == 0:
			w.WriteString("<nav aria-labelledby=toc><h2 id=toc>目录</h2><ol>")
			depth = 1
		}
		if lv == 3 && part && depth == 1 {
			w.WriteString("<ol>")
			depth = 2
		} else if lv == 2 && depth == 2 {
			w.WriteString("</ol>")
			depth = 1
		}
		part = part || lv == 2
		w.WriteString("<li><a")
		w.attr("href", "#"+b.ID)
		w.WriteByte('>')
		w.text(b.Content())
		w.WriteString("</a>")
	}
	if depth > 0 {
		w.WriteString(strings.Repeat("</ol>", depth) + "</nav>")
	}
}

// headingLevel is the HTML heading level a block renders as, or 0.
func headingLevel(b report.Block) int {
	switch b.Kind {
	case report.Heading, report.Part:
		return 2
	case report.Section:
		return 3
	}
	return 0
}

// blocks writes the text, and after each part or section (the text up to
// the next heading) the table of the figures its blocks state.
func (w *htmlWriter) blocks(blocks []report.Block, ins []indicator.Indicator) {
	byAnchor := map[string][]indicator.Indicator{}
	for _, in := range ins {
		byAnchor[in.Anchor] = append(byAnchor[in.Anchor], in)
	}
	title := "报告开头"
	var rows []indicator.Indicator
	flush := func() {
		w.figures(title, rows)
		rows = rows[:0]
	}
	for _, b := range blocks {
		if headingLevel(b) > 0 {
			flush()
			title = b.Content()
		}
		w.block(b, true)
		rows = append(rows, byAnchor[b.ID]...)
		delete(byAnchor, b.ID) // an id used twice lists its figures once
	}
	flush()
}

// figures writes the table of a section's figures, each linking back to
// its sentence. Optional end tags are left out: rows are most of this
// markup.
func (w *htmlWriter) figures(title string, rows []indicator.Indicator) {
	if len(rows) == 0 {
		return
	}
	ks := kinds(rows)
	w.WriteString("<table class=f><caption>")
	w.esc(title)
	w.WriteString("：本节数据")
	if len(ks) == 1 {
		w.WriteString("（" + ks[0] + "）")
	}
	w.WriteString("</caption><tr><th scope=col>指标<th scope=col>数值")
	for _, in := range rows {
		w.WriteString("<tr><td><a")
		w.attr("href", "#"+in.Anchor)
		w.WriteByte('>')
		w.esc(labelOf(in))
		w.WriteString("</a><td>")
		w.value(in)
		if len(ks) > 1 {
			w.WriteString("<small>" + kinds([]indicator.Indicator{in})[0] + "</small>")
		}
	}
	w.WriteString("</table>")
}

// block writes one block; screen adds the "¶" link to it and the scroll
// box around a table.
func (w *htmlWriter) block(b report.Block, screen bool) {
	switch {
	case headingLevel(b) > 0:
		h := strconv.Itoa(headingLevel(b))
		w.WriteString("<h" + h)
		w.idAttr(b.ID)
		w.WriteByte('>')
		w.text(b.Content())
		if screen {
			w.selfLink(b.ID, "本节链接")
		}
		w.WriteString("</h" + h + ">")
	case b.Kind == report.Table:
		w.table(b, screen)
	default:
		w.WriteString("<p")
		w.idAttr(b.ID)
		if b.Kind == report.Notice { // the notice printed before the report
			w.WriteString(" class=notice")
		}
		w.WriteByte('>')
		w.lead(b)
		if screen {
			w.selfLink(b.ID, "本段链接")
		}
	}
}

func (w *htmlWriter) idAttr(id string) {
	if id != "" {
		w.attr("id", id)
	}
}

// selfLink writes the "¶" link of a block to itself.
func (w *htmlWriter) selfLink(id, label string) {
	if id == "" {
		return
	}
	w.WriteString("<a class=a")
	w.attr("href", "#"+id)
	w.attr("aria-label", label)
	w.WriteString("></a>")
}

// leadPunct closes a point's or item's lead; it is shown after the bold
// part, as the Markdown form writes it (internal/markdown).
const leadPunct = "。！？，；：、"

// lead writes a paragraph, a point's or an item's bold lead (marker and
// lead sentence) and then its text.
func (w *htmlWriter) lead(b report.Block) {
	lead := b.Marker + b.Lead
	core := strings.TrimRight(lead, leadPunct)
	if core != "" && b.Text != "" && strings.IndexAny(b.Text, leadPunct) == 0 {
		core = lead
	}
	if core != "" {
		w.WriteString("<strong>")
		w.text(core)
		w.WriteString("</strong>")
	}
	w.text(lead[len(core):])
	w.text(b.Text)
}

// table writes a table of the report: its first row as the header; on the
// screen in a box that scrolls on narrow screens and takes focus, so a
// keyboard can scroll it.
func (w *htmlWriter) table(b report.Block, screen bool) {
	if screen {
		w.WriteString(`<div class=t role=region tabindex=0 aria-label=表格>`)
	}
	w.WriteString("<table")
	w.idAttr(b.ID)
	w.WriteByte('>')
	cols := 0
	for _, r := range b.Rows {
		cols = max(cols, len(r))
	}
	for i, r := range b.Rows {
		if i == 0 {
			w.WriteString("<thead>")
		}
		w.WriteString("<tr>")
		for c := range cols {
			cell := ""
			if c < len(r) {
				cell = r[c]
			}
			if i == 0 {
				w.WriteString("<th scope=col>")
			} else {
				w.WriteString("<td>")
			}
			w.text(cell)
		}
		if i == 0 {
			w.WriteString("</thead><tbody>")
		}
	}
	if len(b.Rows) > 0 {
		w.WriteString("</tbody>")
	}
	w.WriteString("</table>")
	if screen {
		w.WriteString("</div>")
	}
}
