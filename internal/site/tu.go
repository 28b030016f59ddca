package site

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/archive"
	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/report"
)

// The 一图读懂 (the report "read in one picture"), reports/<slug>/tu.html:
// the figures a report states, as large numbers under the titles of its
// parts and sections, with small charts where figures compare like with
// like. The layout (layouts/reports/page.tu.html) holds the frame: the
// title and year at the top, the source line at the bottom; the build
// splices in what renderTu returns, as it does the report's text.
// internal/pdf (TuSite, or `govreport tu`) saves the page as one tall PNG.
//
// What a section shows, in this order:
//   - its results (kind actual), then, set apart under "2024年目标", its
//     targets; in each, the featured figures first, then the others in
//     reading order, at most tuCards cards;
//   - a card per label and sentence: 国内生产总值 134.9万亿元 增长5%,
//     and under it, small, the report's words that state it, when they
//     say more than the card (全省地区生产总值突破2万亿元、达到23562亿元):
//     its clause word for word, at most tuCaption characters (caption);
//   - a figure whose sentence goes on 其中… with figures of the same unit
//     that add up to no more than it gets a bar per part, the whole bar
//     being the figure (a part of a whole);
//   - where a list has tuMinBars or more single counts of one unit and
//     year, those of one kind of thing that one paragraph lists (labels
//     that end alike: 工业企业400家, 服务业企业300家, 建筑业企业100家)
//     tuMinBars or more are drawn as one bar chart, at most tuBars bars,
//     and the others are listed without bars, label, value and caption, at
//     most tuBars of a unit, instead of cards;
//   - what is left out is counted and linked: placeholders (XX万元, never a
//     number), figures past the limits, figures the extractor could not
//     name (no label, or one of punctuation) or whose unit the text left
//     out;
//   - where the archive has the same place's report of the year before,
//     that year's figure beside the number, linked to its sentence, with
//     the change; for a featured figure of three years or more, the
//     archive's chart of it across the years (site.Chart).
//
// Every number links to the sentence that states it. Charts are inline
// SVG drawn here, in the text colour and the page's accent, with every
// value written: readable without colour, and each with a text
// alternative (<title>) that says every value. The markup is kept lean
// (short class names, no inline style, a chart's bars one <path>): the
// page is mostly short labels and numbers, each a link, whose markup
// weighs a lot against its text (TestTuBundled).

// tuPage is the 一图读懂 of a report, as Hugo renders it.
func tuPage(slug string) string { return "reports/" + slug + "/tu.html" }

// tuMarker is what the layout emits (the partial report-body.html with
// dict "tu" true) where the build splices the 一图读懂's figures.
const tuMarker = "<!--govreport:tu-->"

// What one section of the picture shows at most, and what makes a chart.
const (
	tuCards   = 6 // cards in a list; the rest are counted and linked
	tuBars    = 8 // bars in a comparison chart; the rest are counted
	tuMinBars = 3 // counts of one unit that make a comparison chart
	// tuCaption is the most characters of the report's words shown under
	// a card's numbers (caption): a clause is 17 characters at the
	// median, 40 longer than 95% of the bundled reports' clauses.
	tuCaption = 40
)

// tuPrev is the same figure in the same place's report of the year
// before, as the archive matches it: shown beside the number, linked to
// its sentence in that report; for a featured figure the archive has for
// three years or more, the figure across those years as a chart.
type tuPrev struct {
	Year    int    // the year the earlier figure is for
	Written string // the earlier figure as its report writes it (value())
	Href    string // its sentence, relative to the tu page: ../<slug>.html#<anchor>
	// Change is from the earlier figure to this one, in ChangeUnit ("%"
	// for a level, "个百分点" for a rate or a change); nil when the two
	// are not comparable (a placeholder, a range).
	Change     *float64
	ChangeUnit string
	Chart      string // the figure across years up to this report's (site.Chart), or ""
}

// renderTu returns the 一图读懂's figures and charts for doc, whose figures
// are ins, already minified. prev, which may be nil, holds for an index
// into ins the same figure the year before (see tuPrev); the archive
// gives it.
func renderTu(doc *report.Doc, ins []indicator.Indicator, prev map[int]tuPrev) string {
	p := planTu(doc, ins)
	w := tuWriter{plan: p, ins: ins, prev: prev, href: "../" + doc.Meta.Slug + ".html", captioned: map[string]bool{}}
	w.Grow(2048 + 150*p.shown) // about what a figure takes, so the page is written once
	w.page()
	return w.String()
}

// ---- the plan: what each section shows

// tuPlan is what the picture shows of a report.
type tuPlan struct {
	year int // the year the report reviews
	// said returns the report's own words in block id (its lead and its
	// text, apart), where a caption must be found word for word.
	said     func(id string) (lead, text string)
	groups   []tuGroup
	shown    int // figures shown as numbers, in cards and charts
	redacted int // placeholders left out
	others   int // figures left out otherwise: past the limits, unnamed, no unit
}

// tuGroup is a part, a section, or the text before the first heading, with
// the figures its own blocks state (a part's, up to its first section).
type tuGroup struct {
	level     int // 2 or 3; 0 before the first heading
	title, id string
	results   tuList
	targets   tuList
	more      int // figures not shown (but placeholders)
	redacted  int // placeholders
	// total counts every figure the group and, for a part, its sections
	// state: a part with none is left out.
	total int
}

// tuList is a section's results, or its targets.
type tuList struct {
	// year is the year its figures are for: the report's for results, the
	// most common for targets (2024年目标); a figure for another year says
	// so (2020年).
	year   int
	cards  []tuCard
	charts []tuChart
	// others are single counts of a unit the list has several of, but of
	// no kind it compares (see comparisons): listed as label and value,
	// without bars, in reading order.
	others []int
}

func (l tuList) empty() bool { return len(l.cards) == 0 && len(l.charts) == 0 && len(l.others) == 0 }

// tuCard is one label as one sentence states it: one or more figures.
type tuCard struct {
	label, anchor string
	target        bool
	figs          []int // indexes into ins
	featured      bool
	parts         *tuChart // the parts of the card's one figure, or nil
}

// tuChart is a bar chart: the parts of a whole, or counts of one kind of
// thing in one unit compared.
type tuChart struct {
	whole int    // index of the whole in ins, or -1 for a comparison
	head  string // a comparison's kind of thing, the end its labels share (企业)
	rows  []int  // indexes into ins
}

// planTu decides what the picture shows of each part and section.
func planTu(doc *report.Doc, ins []indicator.Indicator) tuPlan {
	p := tuPlan{year: doc.Meta.Year}
	byAnchor := map[string][]int{}
	for i, in := range ins {
		byAnchor[in.Anchor] = append(byAnchor[in.Anchor], i)
	}
	block := map[string]*report.Block{} // by id, the first with it
	for i := range doc.Blocks {
		if _, ok := block[doc.Blocks[i].ID]; !ok {
			block[doc.Blocks[i].ID] = &doc.Blocks[i]
		}
	}
	text := func(id string) string { // a block's text, read only for a whole's parts
		if b := block[id]; b != nil {
			return b.Content()
		}
		return ""
	}
	p.said = func(id string) (lead, text string) {
		if b := block[id]; b != nil && b.Kind != report.Table {
			return b.Lead, b.Text
		}
		return "", ""
	}
	g := tuGroup{}
	var figs []int
	part := -1 // the index in p.groups of the current part
	flush := func() {
		g.total += len(figs)
		p.groups = append(p.groups, p.fill(g, figs, ins, text))
		figs = nil
	}
	for _, b := range doc.Blocks {
		if lv := headingLevel(b); lv > 0 {
			flush()
			if lv == 3 && part < 0 {
				lv = 2 // a section before any part stands as a part
			}
			g = tuGroup{level: lv, title: b.Content(), id: b.ID}
			if lv == 2 {
				part = len(p.groups)
			}
		}
		figs = append(figs, byAnchor[b.ID]...)
		delete(byAnchor, b.ID) // an id used twice shows its figures once
	}
	flush()
	// A part counts its sections' figures: it is shown when any is.
	for i := len(p.groups) - 1; i >= 0; i-- {
		if p.groups[i].level == 3 {
			for j := i - 1; j >= 0; j-- {
				if p.groups[j].level == 2 {
					p.groups[j].total += p.groups[i].total
					break
				}
			}
		}
	}
	return p
}

// fill decides what group g shows of its figures figs.
func (p *tuPlan) fill(g tuGroup, figs []int, ins []indicator.Indicator, text func(id string) string) tuGroup {
	type cardKey struct{ label, anchor, kind string }
	cards := make([]tuCard, 0, len(figs))
	at := make(map[cardKey]int, len(figs)) // → index in cards
	for _, i := range figs {
		in := ins[i]
		switch {
		case in.Redacted:
			g.redacted++
			continue
		case !strings.ContainsFunc(in.Label, unicode.IsLetter) || in.UnitMissing || in.Unit == "" || in.Value == nil:
			g.more++
			continue
		}
		key := cardKey{in.Label, in.Anchor, in.Kind}
		if c, ok := at[key]; ok {
			cards[c].figs = append(cards[c].figs, i)
			cards[c].featured = cards[c].featured || in.Featured
			continue
		}
		at[key] = len(cards)
		cards = append(cards, tuCard{label: in.Label, anchor: in.Anchor, target: in.Kind == indicator.Target, figs: []int{i}, featured: in.Featured})
	}
	cards = partsOfWholes(cards, ins, text)
	var results, targets []tuCard
	for _, c := range cards {
		if c.target {
			targets = append(targets, c)
		} else {
			results = append(results, c)
		}
	}
	g.results = p.list(&g, results, ins)
	g.targets = p.list(&g, targets, ins)
	p.redacted += g.redacted
	p.others += g.more
	return g
}

// list makes one list of a group: comparison charts of its counts, its
// cards featured first, within the limits; what is left out counts in
// g.more.
func (p *tuPlan) list(g *tuGroup, cards []tuCard, ins []indicator.Indicator) tuList {
	l := tuList{year: p.year}
	if len(cards) > 0 && cards[0].target {
		l.year = commonYear(cards, ins)
	}
	l.charts, l.others, cards = comparisons(cards, ins)
	for _, ch := range l.charts {
		p.shown += len(ch.rows)
	}
	p.shown += len(l.others)
	// Featured first, then the others, each in reading order.
	var ordered []tuCard
	for _, pass := range []bool{true, false} {
		for _, c := range cards {
			if c.featured == pass {
				ordered = append(ordered, c)
			}
		}
	}
	for i, c := range ordered {
		n := len(c.figs)
		if c.parts != nil {
			n += len(c.parts.rows)
		}
		if i >= tuCards {
			g.more += n
			continue
		}
		p.shown += n
		l.cards = append(l.cards, c)
	}
	return l
}

// commonYear returns the year most of the cards' figures are for (the
// earliest of equals), or 0 when none says.
func commonYear(cards []tuCard, ins []indicator.Indicator) int {
	count := map[int]int{}
	best := 0
	for _, c := range cards {
		for _, i := range c.figs {
			if y := ins[i].Year; y != 0 {
				count[y]++
				if count[y] > count[best] || count[y] == count[best] && y < best {
					best = y
				}
			}
		}
	}
	return best
}

// partsOfWholes finds each card whose one figure is a whole the same
// sentence goes on to break down (财政收入5000万元，其中税收收入3800万元、
// 非税收入1200万元), and moves the parts' cards into it.
func partsOfWholes(cards []tuCard, ins []indicator.Indicator, text func(id string) string) []tuCard {
	card := map[int]int{} // figure → its card, for single-figure cards
	for ci, c := range cards {
		if len(c.figs) == 1 {
			card[c.figs[0]] = ci
		}
	}
	gone := map[int]bool{}
	for ci := range cards {
		c := &cards[ci]
		if len(c.figs) != 1 || gone[ci] {
			continue
		}
		w := c.figs[0]
		if w+1 >= len(ins) || !strings.HasPrefix(strings.TrimLeft(ins[w+1].Text, "，,、 "), "其中") {
			continue // no 其中 after it: no need to read its block
		}
		rows := partsOf(w, ins, text(ins[w].Anchor))
		var parts []int
		for _, r := range rows {
			pc, ok := card[r]
			if !ok || gone[pc] || pc == ci || cards[pc].target != c.target {
				break
			}
			parts = append(parts, r)
		}
		if len(parts) == 0 {
			continue
		}
		for _, r := range parts {
			gone[card[r]] = true
		}
		c.parts = &tuChart{whole: w, rows: parts}
	}
	out := cards[:0:0]
	for ci, c := range cards {
		if !gone[ci] {
			out = append(out, c)
		}
	}
	return out
}

// partsOf returns the figures that break the figure w down: those after it
// in its block, from a clause that starts with 其中 in w's sentence to the
// end of that clause run (。or ；), of w's unit, each a level and all
// together no more than w. block is the text of w's block.
func partsOf(w int, ins []indicator.Indicator, block string) []int {
	whole := ins[w]
	if !isLevel(whole) || *whole.Value <= 0 || w+1 >= len(ins) {
		return nil
	}
	first := ins[w+1]
	if first.Anchor != whole.Anchor || !strings.HasPrefix(strings.TrimLeft(first.Text, "，,、 "), "其中") {
		return nil
	}
	// The whole's clause, then the first part's, after it in the same
	// sentence: 其中 in another sentence may mean something else, and a
	// whole in the 其中 clause is itself a part.
	pos := strings.Index(block, whole.Text)
	if pos < 0 {
		return nil
	}
	from := pos + len(whole.Text)
	start := strings.Index(block[from:], first.Text)
	if start < 0 || strings.ContainsAny(block[from:from+start], "。！？") {
		return nil
	}
	start += from
	end := len(block)
	if e := strings.IndexAny(block[start:], "。；;"); e >= 0 {
		end = start + e
	}
	var out []int
	sum := 0.0
	from = start
	for i := w + 1; i < len(ins); i++ {
		in := ins[i]
		at := strings.Index(block[from:], in.Text)
		if in.Anchor != whole.Anchor || at < 0 || from+at >= end {
			break
		}
		from += at
		if in.Redacted && (in.Unit == whole.Unit || baseUnit(in) == baseUnit(whole)) {
			return nil // a part we cannot draw: no chart rather than some of the parts
		}
		v, ok := inUnitOf(in, whole)
		if !isLevel(in) || !ok || v <= 0 {
			break // the parts end: 其中A3800亩、B2400亩，总投资1700万元
		}
		if sum += v; sum > *whole.Value*(1+1e-9) {
			return nil // more than the whole: not its parts
		}
		out = append(out, i)
	}
	return out
}

// isLevel reports whether a figure is one plain value: not a change, a
// range or a placeholder.
func isLevel(in indicator.Indicator) bool {
	return !in.Change && !in.Redacted && in.Upper == nil && in.Value != nil && !in.UnitMissing
}

// inUnitOf returns in's value in the unit of whole: the same unit, or both
// in one base unit (3800万元 of 0.5亿元).
func inUnitOf(in, whole indicator.Indicator) (float64, bool) {
	switch {
	case in.Value == nil:
		return 0, false
	case in.Unit == whole.Unit:
		return *in.Value, true
	case in.Base != nil && whole.Base != nil && *whole.Base != 0 && baseUnit(in) == baseUnit(whole):
		return *in.Base / *whole.Base * *whole.Value, true
	}
	return 0, false
}

// baseUnit is a figure's unit without its magnitude: 元 for 万元.
func baseUnit(in indicator.Indicator) string {
	return strings.TrimPrefix(in.Unit, in.Magnitude)
}

// comparisons takes out of cards the single counts of one unit and year
// that are tuMinBars or more. Those of one kind of thing that one
// paragraph lists — labels that end alike (规上工业企业, 服务业企业,
// 建筑业企业: 企业), each year's or added up (累计) — tuMinBars or more are
// compared as a bar chart, at most tuBars bars each; the others, at most
// tuBars of a unit, are listed without bars: a bar of 县区5个 beside one of
// 行政村1679个 compares nothing, nor does one of a paragraph's 项目 beside
// another's (项目5个, 实施项目681个, 省级整治项目2个). It returns the charts,
// the others and the cards left, each in reading order.
func comparisons(cards []tuCard, ins []indicator.Indicator) ([]tuChart, []int, []tuCard) {
	type key struct {
		unit string
		year int
	}
	by := map[key][]int{} // → indexes into cards
	var order []key
	for ci, c := range cards {
		if len(c.figs) != 1 || c.featured || c.parts != nil {
			continue
		}
		in := ins[c.figs[0]]
		if !isLevel(in) || in.Unit == "%" || *in.Value < 0 {
			continue
		}
		k := key{in.Unit, in.Year}
		if by[k] == nil {
			order = append(order, k)
		}
		by[k] = append(by[k], ci)
	}
	gone := map[int]bool{}
	var charts []tuChart
	var others []int
	for _, k := range order {
		cs := by[k]
		if len(cs) < tuMinBars {
			continue
		}
		type kind struct {
			head       string
			cumulative bool   // 累计: years added up, not one year's
			anchor     string // the paragraph that lists them
		}
		kinds := map[kind][]int{} // → indexes into cards
		var kindOrder []kind
		for _, ci := range cs {
			k := kind{tuHead(cards[ci].label), ins[cards[ci].figs[0]].Qualifier == "累计", cards[ci].anchor}
			if k.head != "" {
				if kinds[k] == nil {
					kindOrder = append(kindOrder, k)
				}
				kinds[k] = append(kinds[k], ci)
			}
		}
		for _, k := range kindOrder {
			if len(kinds[k]) < tuMinBars {
				continue
			}
			ch := tuChart{whole: -1, head: k.head}
			for _, ci := range kinds[k][:min(len(kinds[k]), tuBars)] {
				ch.rows = append(ch.rows, cards[ci].figs[0])
				gone[ci] = true
			}
			charts = append(charts, ch)
		}
		listed := 0
		for _, ci := range cs {
			if !gone[ci] && listed < tuBars {
				others = append(others, cards[ci].figs[0])
				gone[ci] = true
				listed++
			}
		}
	}
	slices.Sort(others) // reading order: figures are in reading order
	var left []tuCard
	for ci, c := range cards {
		if !gone[ci] {
			left = append(left, c)
		}
	}
	return charts, others, left
}

// tuHead is the kind of thing a label names, as far as its last two
// characters tell (企业 for 新增专精特新中小企业): "" when they are not both
// letters (县（市）, 2家).
func tuHead(label string) string {
	r := []rune(label)
	if len(r) < 2 || !unicode.IsLetter(r[len(r)-1]) || !unicode.IsLetter(r[len(r)-2]) {
		return ""
	}
	return string(r[len(r)-2:])
}

// ---- the HTML

// tuWriter writes the picture's HTML from its plan.
type tuWriter struct {
	htmlWriter
	plan tuPlan
	ins  []indicator.Indicator
	prev map[int]tuPrev
	href string // the report page, relative to the tu page
	// captioned holds the captions the current list shows.
	captioned map[string]bool
}

func (w *tuWriter) page() {
	p := w.plan
	w.WriteString("<p class=tn>")
	if p.shown == 0 {
		w.WriteString("报告中没有可列为数字的数据。")
	} else {
		w.WriteString("本图按报告的部分和小节列出其中" + strconv.Itoa(p.shown) + "项数据，每个数字链接到报告中说出它的句子。")
	}
	if p.redacted > 0 {
		w.WriteString("另有" + strconv.Itoa(p.redacted) + "项数值原文未公开（写作XX等），不列为数字。")
	}
	w.WriteString("</p>")
	for _, g := range p.groups {
		w.group(g)
	}
}

// group writes a part or a section: its title, its results, its targets
// set apart, and a note of what it leaves out.
func (w *tuWriter) group(g tuGroup) {
	if g.total == 0 {
		return
	}
	if g.level > 0 {
		h := strconv.Itoa(g.level)
		w.WriteString("<h" + h + ">")
		w.esc(g.title)
		w.WriteString("</h" + h + ">")
	}
	w.list(g.results, false)
	if !g.targets.empty() {
		w.WriteString("<p class=g>")
		if y := g.targets.year; y > 0 {
			w.WriteString(strconv.Itoa(y) + "年")
		}
		w.WriteString("目标</p>")
		w.list(g.targets, true)
	}
	if g.more+g.redacted > 0 {
		w.WriteString("<p class=m>本节另有")
		if g.more > 0 {
			w.WriteString(strconv.Itoa(g.more) + "项数据")
			if g.redacted > 0 {
				w.WriteString("、")
			}
		}
		if g.redacted > 0 {
			w.WriteString(strconv.Itoa(g.redacted) + "项未公开的数值")
		}
		w.WriteString("，见<a")
		target := w.href
		if g.id != "" {
			target += "#" + g.id
		}
		w.attr("href", target)
		w.WriteString(">报告原文</a>。</p>")
	}
}

// list writes a list's cards, then its charts, then its other counts.
func (w *tuWriter) list(l tuList, target bool) {
	clear(w.captioned)
	if len(l.cards) > 0 {
		if target {
			w.WriteString(`<ul class="n t">`)
		} else {
			w.WriteString("<ul class=n>")
		}
		for _, c := range l.cards {
			w.card(c, l.year)
		}
		w.WriteString("</ul>")
	}
	for _, ch := range l.charts {
		if target {
			w.WriteString("<figure class=t><figcaption>")
		} else {
			w.WriteString("<figure><figcaption>")
		}
		w.esc(ch.head + "对比（单位：" + w.ins[ch.rows[0]].Unit + "）")
		w.WriteString("</figcaption>")
		w.bars(ch, l.year)
		w.WriteString("</figure>")
	}
	if len(l.others) > 0 {
		if target {
			w.WriteString(`<ul class="l t">`)
		} else {
			w.WriteString("<ul class=l>")
		}
		for _, i := range l.others {
			in := w.ins[i]
			w.WriteString("<li><a")
			w.attr("href", w.href+"#"+in.Anchor)
			w.WriteByte('>')
			w.esc(in.Label)
			w.WriteString("<b>")
			w.esc(w.rowValue(in, l.year))
			w.WriteString("</b></a>")
			w.captions(in.Label, i)
		}
		w.WriteString("</ul>")
	}
}

// card writes one card: the label and its figures, linking to their
// sentence; the figure the year before, when known; the parts of a whole.
func (w *tuWriter) card(c tuCard, year int) {
	across := ""
	for _, i := range c.figs {
		if pv, ok := w.prev[i]; ok && c.featured && across == "" {
			across = pv.Chart
		}
	}
	w.WriteString("<li")
	if c.parts != nil || across != "" {
		w.WriteString(" class=w")
	}
	w.WriteString("><a")
	w.attr("href", w.href+"#"+c.anchor)
	w.WriteByte('>')
	w.esc(c.label)
	for _, i := range c.figs {
		w.WriteString("<b>")
		w.figure(w.ins[i], year)
		w.WriteString("</b>")
	}
	w.WriteString("</a>")
	w.captions(c.label, c.figs...)
	for _, i := range c.figs {
		if pv, ok := w.prev[i]; ok {
			w.previous(pv)
		}
	}
	if across != "" {
		w.WriteString("<figure><figcaption>历年</figcaption>" + across + "</figure>")
	}
	if c.parts != nil {
		w.WriteString("<figure><figcaption>其中（整条为")
		w.esc(c.label)
		w.WriteString("）</figcaption>")
		w.bars(*c.parts, year)
		w.WriteString("</figure>")
	}
}

// captions writes under the numbers of a card or a listed count, whose
// label is label and figures figs, the report's words that state them:
// each figure's clause (see caption), unless the list already shows it
// (城镇和农村常住居民人均可支配收入分别增长3.9%和5.7%, under the first of
// its two cards). It is plain text in the list item, after the link, so
// that the link's name stays the label and the numbers; clauses are
// joined with "；", which no clause holds.
func (w *tuWriter) captions(label string, figs ...int) {
	first := true
	for _, i := range figs {
		cap := w.caption(label, figs, w.ins[i])
		if cap == "" || w.captioned[cap] {
			continue
		}
		if !first {
			w.WriteString("；")
		}
		w.esc(cap)
		w.captioned[cap], first = true, false
	}
}

// caption returns the words of the report that state in, for the card c:
// its clause (between ，：；。), or when that is longer than tuCaption
// characters the run of its 、-separated items that holds the figure; ""
// when that is still longer, is not the report's text word for word, or
// says no more than the card (城镇新增就业62.6万人 under 城镇新增就业
// 62.6万人).
func (w *tuWriter) caption(label string, figs []int, in indicator.Indicator) string {
	cl := in.Text
	if utf8.RuneCountInString(cl) > tuCaption {
		cl = ""
		for item := range strings.SplitSeq(in.Text, "、") {
			if strings.Contains(item, in.Written) {
				cl = item
				break
			}
		}
		if cl == "" || utf8.RuneCountInString(cl) > tuCaption {
			return ""
		}
	}
	if lead, text := w.plan.said(in.Anchor); cl == "" || !strings.Contains(lead, cl) && !strings.Contains(text, cl) {
		return ""
	}
	// What it says more, in letters only: “六大产业基地”… says no more than
	// 六大产业基地….
	rest := strings.ReplaceAll(tuLetters(cl), tuLetters(label), "")
	for _, i := range figs {
		rest = strings.ReplaceAll(rest, tuLetters(w.ins[i].Written), "")
	}
	if utf8.RuneCountInString(tuSaid.Replace(rest)) < 2 {
		return ""
	}
	return cl
}

// tuLetters is s without what is not a letter.
func tuLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, s)
}

// tuSaid drops the words a card says without them: the direction a
// change shows, and verbs that only join a label to its number.
var tuSaid = strings.NewReplacer("增长", "", "下降", "", "达到", "", "达", "", "为", "")

// previous writes the same figure the year before, and the change.
func (w *tuWriter) previous(pv tuPrev) {
	w.WriteString("<small class=p>")
	if pv.Year > 0 {
		w.WriteString(strconv.Itoa(pv.Year) + "年")
	} else {
		w.WriteString("上年")
	}
	w.WriteString("：<a")
	w.attr("href", pv.Href)
	w.WriteByte('>')
	w.esc(pv.Written)
	w.WriteString("</a>")
	if pv.Change != nil {
		w.WriteString("，")
		w.esc(changeWords(*pv.Change, pv.ChangeUnit))
	}
	w.WriteString("</small>")
}

// changeWords writes a change from the year before, rounded for reading:
// 增长6.1%, 下降2.3% for a level; 提高0.1个百分点, 降低0.25个百分点 for a rate
// or a change; 持平.
func changeWords(v float64, unit string) string {
	up, down, prec := "增长", "下降", 1
	if unit == "个百分点" {
		up, down, prec = "提高", "降低", 2
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', prec, 64)
	s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	switch {
	case s == "0":
		return "持平"
	case v > 0:
		return up + s + unit
	}
	return down + s + unit
}

// figure writes one figure as a large number: the words before it (增长,
// 近), the number, and its unit with the words after it, small; a year
// other than the list's before it (2020年).
func (w *tuWriter) figure(in indicator.Indicator, year int) {
	pre, num, post := tuParts(in)
	if in.Year != 0 && in.Year != year {
		pre = strconv.Itoa(in.Year) + "年" + pre
	}
	if pre != "" {
		w.WriteString("<small>")
		w.esc(pre)
		w.WriteString("</small>")
	}
	w.esc(num)
	if post != "" {
		w.WriteString("<small>")
		w.esc(post)
		w.WriteString("</small>")
	}
}

// tuParts splits a figure as the report writes it, with its qualifier and
// direction of change (value() in render.go), into the words before its
// number, the number (1.35, 3-5, 1,200, 两) and the rest (万亩, 多万元,
// %以上). The three together are value()'s text.
func tuParts(in indicator.Indicator) (pre, num, post string) {
	core, unit := in.Written, ""
	if in.Unit != "" && strings.HasSuffix(core, in.Unit) && len(core) > len(in.Unit) {
		core, unit = strings.TrimSuffix(core, in.Unit), in.Unit
	}
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	if !strings.ContainsFunc(core, digit) {
		digit = isNumeral // 两批, 六个: Chinese numerals only when there is no digit
	}
	first, last := -1, -1
	for i, r := range core {
		if digit(r) {
			if first < 0 {
				first = i
			}
			last = i + utf8.RuneLen(r)
		}
	}
	if first < 0 {
		first, last = 0, len(core)
	}
	pre, num, post = core[:first], core[first:last], core[last:]+unit
	if i := strings.Index(num, post); post != "" && i > 0 {
		num = num[:i] + num[i+len(post):] // a range with the unit at both ends: 4.5%—5% is 4.5—5 %
	}
	if q := in.Qualifier; q != "" && !strings.Contains(in.Written, q) {
		switch q {
		case "以上", "以下", "以内", "左右":
			post += q
		default:
			pre = q + pre
		}
	}
	if in.Change {
		verb := "增长"
		if in.Value != nil && *in.Value < 0 {
			verb = "下降"
		}
		if in.Qualifier == "预计" && strings.HasPrefix(pre, "预计") {
			pre = "预计" + verb + strings.TrimPrefix(pre, "预计")
		} else {
			pre = verb + pre
		}
	}
	return pre, num, post
}

// isNumeral reports whether r is a Chinese numeral.
func isNumeral(r rune) bool {
	return strings.ContainsRune("〇零一二两三四五六七八九十百千万亿", r)
}

// ---- charts

// The bar charts' geometry, in SVG user units: one is a CSS pixel at a
// 16px text size. The chart is as wide as its column (tu.css), up to 24em,
// so the page's text size scales it.
const (
	barWidth = 320 // the chart's width, and the longest bar
	barRow   = 36  // a row: its label and value (baseline 13), then its bar (18 to 28)
	barFont  = 13  // the text size (tu.css)
	barGap   = 8   // between a label and its value
)

// bars draws a chart: a row per figure, its label and, at the right end,
// its value, over a bar from zero; each row links to the figure's
// sentence. A comparison's longest bar is the largest value; a whole's
// parts are drawn inside a frame that is the whole. The title is the text
// alternative: the values, as written.
//
// The markup is lean, so that the page stays light: all bars are one
// <path>, all frames another, and a row's link holds one <text>, its
// label, with its value in a <tspan> that tu.css anchors at the right end.
func (w *tuWriter) bars(ch tuChart, year int) {
	type row struct {
		label, value, href string
		v                  float64
	}
	var rows []row
	scale := 0.0
	var alt strings.Builder
	if ch.whole >= 0 {
		whole := w.ins[ch.whole]
		scale = *whole.Value
		alt.WriteString(whole.Label + tuText(whole) + "，其中")
	}
	for k, i := range ch.rows {
		in := w.ins[i]
		v := *in.Value
		if ch.whole >= 0 {
			v, _ = inUnitOf(in, w.ins[ch.whole])
		}
		r := row{label: in.Label, value: w.rowValue(in, year), href: w.href + "#" + in.Anchor, v: v}
		rows = append(rows, r)
		if ch.whole < 0 {
			scale = max(scale, v)
		}
		if k > 0 {
			alt.WriteString("；")
		}
		alt.WriteString(r.label + r.value)
	}
	alt.WriteString("。")
	w.WriteString(`<svg class=b viewBox="0 0 ` + strconv.Itoa(barWidth) + " " + strconv.Itoa(len(rows)*barRow-6) + `"><title>`)
	w.esc(alt.String())
	w.WriteString(`</title><path d="`)
	for k, r := range rows {
		n := 0.0
		if scale > 0 {
			n = math.Round(r.v / scale * barWidth)
		}
		if k == 0 {
			w.WriteString("M0 18")
		} else {
			w.WriteString("m0 " + strconv.Itoa(barRow))
		}
		w.WriteString("h" + tuNum(n) + "v10H0z")
	}
	w.WriteString(`"/>`)
	if ch.whole >= 0 {
		w.WriteString(`<path class=k d="M.5 18.5`)
		for k := range rows {
			if k > 0 {
				w.WriteString("m0 " + strconv.Itoa(barRow))
			}
			w.WriteString("h" + strconv.Itoa(barWidth-1) + "v9H.5z")
		}
		w.WriteString(`"/>`)
	}
	for k, r := range rows {
		w.WriteString("<a")
		w.attr("href", r.href)
		w.WriteString("><text y=" + strconv.Itoa(13+k*barRow) + ">")
		w.esc(tuFit(r.label, barWidth-tuWidth(r.value)-barGap))
		w.WriteString("<tspan x=" + strconv.Itoa(barWidth) + ">")
		w.esc(r.value)
		w.WriteString("</tspan></text></a>")
	}
	w.WriteString("</svg>")
}

// rowValue is a chart row's or a listed count's value as written, with
// its year when it is not the list's (2020年53.2%).
func (w *tuWriter) rowValue(in indicator.Indicator, year int) string {
	if in.Year != 0 && in.Year != year {
		return strconv.Itoa(in.Year) + "年" + tuText(in)
	}
	return tuText(in)
}

// tuText is a figure's value() text: 增长20.56%, 1100多万元.
func tuText(in indicator.Indicator) string {
	pre, num, post := tuParts(in)
	return pre + num + post
}

// tuWidth estimates the width of s in a chart's text: a Chinese
// character is square, a digit or letter about half of one.
func tuWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			w += barFont * 0.6
		} else {
			w += barFont
		}
	}
	return w
}

// tuFit cuts s, with "…", to fit width; the chart's title has it whole.
func tuFit(s string, width float64) string {
	if tuWidth(s) <= width {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if tuWidth(b.String()+string(r))+barFont > width {
			break
		}
		b.WriteRune(r)
	}
	return b.String() + "…"
}

// tuNum writes a coordinate with at most one decimal.
func tuNum(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// ---- the archive: the same figure the year before

// tuArchive returns what the archive knows of each report's figures the
// year before (see tuPrev): by report slug, then by index into its
// indicators. A place's reports are compared once (archive.Compare).
func (b *builder) tuArchive() map[string]map[int]tuPrev {
	ix := b.archiveOf()
	bySlug := make(map[string]*Page, len(b.pages))
	for _, pg := range b.pages {
		bySlug[pg.Doc.Meta.Slug] = pg
	}
	cmps := b.comparisons()
	out := map[string]map[int]tuPrev{}
	for i, p := range ix.Places {
		if len(p.Reports) < 2 {
			continue
		}
		for slug, prev := range tuPrevOf(cmps[i], bySlug) {
			out[slug] = prev
		}
	}
	return out
}

// tuPrevOf reads a place's figures across years: for each report's own
// figure for its own year, the point of the year before, the change, and
// for a featured figure the series up to that year when it spans three
// years or more.
func tuPrevOf(cmp archive.Comparison, bySlug map[string]*Page) map[string]map[int]tuPrev {
	out := map[string]map[int]tuPrev{}
	index := map[string]map[tuFigure]int{} // a report's figures, found by what they say
	for _, s := range cmp.Series {
		for k := 1; k < len(s.Points); k++ {
			p, q := s.Points[k], s.Points[k-1]
			pg := bySlug[p.Report]
			if q.Year != p.Year-1 || pg == nil || pg.Doc.Meta.Year != p.Year {
				continue
			}
			if index[p.Report] == nil {
				index[p.Report] = make(map[tuFigure]int, len(pg.Indicators))
				for i := len(pg.Indicators) - 1; i >= 0; i-- { // the first of equals
					index[p.Report][tuFigureOf(pg.Indicators[i])] = i
				}
			}
			i, ok := index[p.Report][tuFigureOf(p.Indicator)]
			if !ok {
				continue
			}
			pv := tuPrev{Year: q.Year, Written: tuText(q.Indicator), Href: "../" + q.Report + ".html#" + q.Anchor,
				Change: p.Change, ChangeUnit: s.ChangeUnit}
			if k >= 2 && p.Indicator.Featured {
				upTo := s
				upTo.Points = s.Points[:k+1]
				pv.Chart = string(Chart(upTo))
			}
			if out[p.Report] == nil {
				out[p.Report] = map[int]tuPrev{}
			}
			out[p.Report][i] = pv
		}
	}
	return out
}

// tuFigure is what tells one statement of a report from the others.
type tuFigure struct {
	anchor, label, written, text, kind string
	year                               int
	change                             bool
}

func tuFigureOf(in indicator.Indicator) tuFigure {
	return tuFigure{in.Anchor, in.Label, in.Written, in.Text, in.Kind, in.Year, in.Change}
}

// tuPrevKey is what a report's 一图读懂 takes from other reports, for the
// key of its pages: they are made again when it changes.
func tuPrevKey(prev map[int]tuPrev) string {
	if len(prev) == 0 {
		return ""
	}
	idx := make([]int, 0, len(prev))
	for i := range prev {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	var b strings.Builder
	for _, i := range idx {
		pv := prev[i]
		change := ""
		if pv.Change != nil {
			change = strconv.FormatFloat(*pv.Change, 'g', -1, 64)
		}
		fmt.Fprintf(&b, "%d\x00%d\x00%s\x00%s\x00%s\x00%s\x00%s\n", i, pv.Year, pv.Written, pv.Href, change, pv.ChangeUnit, pv.Chart)
	}
	return b.String()
}
