// Package indicator extracts every quantity a government work report states
// — money, areas, counts, rates, changes, targets — from the document model,
// one record each, so that a page can show the key figures and a table can
// list them all. Placeholders (XX万元) stay placeholders: their value is
// null, never a guess.
package indicator

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/typo"
)

// Indicator is one quantity a report states.
type Indicator struct {
	Anchor      string   `json:"anchor"`              // ID of the block that states it
	Label       string   `json:"label"`               // the thing measured: 财政收入
	Written     string   `json:"written"`             // the figure as written: "XX万元", "20.56%", "4.2万亩"
	Value       *float64 `json:"value"`               // in Unit; null when redacted; the bottom of a range
	Upper       *float64 `json:"upper,omitempty"`     // the top of a range (3-5万元 → 5)
	Unit        string   `json:"unit"`                // normalised unit: "万元", "%", "亩"
	Magnitude   string   `json:"magnitude,omitempty"` // 万 or 亿 when the figure was written with one
	Base        *float64 `json:"base,omitempty"`      // value in the base unit: 4.2万亩 → 42000 (亩)
	Qualifier   string   `json:"qualifier,omitempty"` // 近 约 超 余 多 以上 左右 预计 累计 …
	Change      bool     `json:"change,omitempty"`    // a change (同比增长/下降) rather than a level
	Redacted    bool     `json:"redacted"`            // a placeholder (XX, ××, X.X, **)
	UnitMissing bool     `json:"unit_missing,omitempty"`
	Kind        string   `json:"kind"`           // "actual" or "target"
	Year        int      `json:"year,omitempty"` // the year the figure is for; 0 when unknown (no field in JSON, an empty cell in CSV)
	Featured    bool     `json:"featured"`       // a standard statistical indicator
	Text        string   `json:"text"`           // the clause that states it
}

// Kinds of indicator. An estimate of the year under review (预计全年完成…)
// is an actual with the qualifier 预计: the figure reports a result, not a
// goal, only before the statistics are final. An estimate in a plan, or for
// a later year, is a target.
const (
	Actual = "actual" // a result, stated in a review
	Target = "target" // a plan, a goal or a forecast
)

// Extract returns every quantity doc states, in reading order.
func Extract(doc *report.Doc) []Indicator {
	x := extractor{year: doc.Meta.Year}
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		switch b.Kind {
		case report.Part, report.Heading, report.Section:
			x.title(b.Title(), b.Kind == report.Section)
			x.spanBlocks = 0
		case report.Table:
			x.table(b)
			continue
		case report.Notice: // the notice that transmits the report states none of its figures
			continue
		}
		x.para = b.Kind == report.Paragraph
		x.text(b.ID, b.Lead)
		x.text(b.ID, b.Text)
		x.spanBlocks = max(x.spanBlocks-1, 0)
	}
	return x.out
}

// extractor carries the state of one document.
type extractor struct {
	year     int  // the report year
	plan     bool // inside a part that plans the coming year
	review   bool // inside a part that reviews the report year
	estimate bool // a note (预计（下同）) made every figure after it an estimate
	// horizon is the last year of the period a plan part is for (“十五五”
	// 主要目标任务 → 2030), or 0 for a plan of the coming year.
	horizon int
	// spanBlocks counts the blocks, this one and the next, that a sentence
	// of a paragraph opening with a period of years (这五年，我们…; 五年来，…)
	// makes a review of that period, which ends in spanEnd. A heading ends it.
	spanBlocks, spanEnd int
	para                bool  // the block read is a paragraph
	keys                keys  // the keys the clause being read holds
	ends                []end // the ends of the clauses of the text being read
	starts              []int // where a figure may start in the text being read
	nextStart           int   // the first of starts not yet read
	out                 []Indicator
	figs                []figure // reused for each clause
	// The text being read as written, and folded into Simplified; folds
	// is false when the two are the same.
	src, folded string
	folds       bool
}

// title follows the parts of a report: a part's title says whether it
// plans or reviews. A section's title decides only when it names a year
// (一、2023年工作回顾 read as a section after a table of contents); 聚焦重点
// 任务 in a review says nothing.
func (x *extractor) title(t string, section bool) {
	plan, ok := planTitle(t, x.year)
	if !ok || section && lastYear(t) == 0 {
		return
	}
	x.plan, x.review, x.estimate = plan, !plan, false
	x.horizon = 0
	if plan && lastYear(t) == 0 {
		x.horizon = x.periodEnd(t)
	}
}

// sentence is what a sentence has said so far that bears on its figures.
type sentence struct {
	target   bool // a target marker (力争, 计划投资) has been seen
	estimate bool // 预计 has been seen
	year     int  // the last year named
	anchor   string
	// The figure before: its label, and it as written with its qualifiers;
	// prevThreshold if it is a threshold (700分以上) in the same clause.
	hasPrev          bool
	prevLabel, prevQ string
	prevThreshold    bool
	list             []string // the things of the last 分别 list
	// subjClause is the clause before, when it has no figures: the
	// subject it starts with (全省进出口总值创历史新高) names the figures
	// after it that name nothing.
	subjClause string
	period     int // the last year of a period of years named (五年来, “十四五”期间), or 0
}

// text extracts the figures of a run of text, sentence by sentence.
func (x *extractor) text(anchor, s string) {
	x.load(s)
	k := 0 // the first end of the sentence
	for from := 0; from < len(s); {
		j := k
		for x.ends[j].level < endSentence {
			j++
		}
		e := x.ends[j]
		x.sentence(anchor, from, e.off, x.ends[k:j+1])
		from = min(e.off+e.width, len(s))
		k = j + 1
	}
}

// load makes s the text being read. Folding changes no punctuation and
// keeps every character as wide as it is, so the text is read for its
// ends and figures before it is folded; the keys are of the folded
// characters, and so are the Chinese numerals.
func (x *extractor) load(s string) {
	x.src = s
	x.folded, x.folds = s, false
	if x.scan(s) {
		x.folded, x.folds = typo.Fold(s)
	}
}

// sentence extracts the figures of the sentence from..to of the text, clause
// by clause; ends are the ends of its clauses, the last at to or after it.
// A semicolon starts a new list item: what it names is not shared across.
func (x *extractor) sentence(anchor string, from, to int, ends []end) {
	st := sentence{anchor: anchor}
	if x.para {
		if y := x.periodStart(x.folded[from:to]); y != 0 {
			x.spanBlocks, x.spanEnd = 2, y
		}
	}
	for _, e := range ends {
		if from >= to {
			break
		}
		e.off = min(e.off, to)
		x.keys = e.keys
		x.clause(&st, from, e.off)
		if e.off < to && e.level == endPart {
			st.hasPrev, st.list, st.subjClause = false, nil, ""
		}
		from = min(e.off+e.width, to)
	}
}

// end is punctuation that ends a clause or more (a level of ending) at
// byte off of the text being read, width bytes wide; keys are those the
// clause it ends holds (keys.go).
type end struct {
	off, width, level int
	keys              keys
}

// scan reads s, folded into Simplified (typo.Fold), for x.ends, the
// punctuation that ends a clause or more, in order, with after it an end
// of everything at len(s), of width 0, each with the keys of its clause;
// and for x.starts, where a figure may start: what scanFigures reads from.
// It reports whether s holds Traditional characters that fold.
//
// A half-width comma or colon between two digits (1,200; 8:30) ends
// nothing. The text is read once, where each sentence and then each of its
// clauses were read for their ends before: whether a comma stands between
// digits is the same in the text as in a sentence or a clause, which start
// and end next to punctuation, never a digit. The keys, the characters
// that fold and most Chinese numerals are characters of the CJK block
// (U+4000–U+9FFF, three bytes led by E4 to E9), decoded inline and looked
// at closer only when scanBits marks them.
func (x *extractor) scan(s string) (trad bool) {
	var k keys
	ends, starts := x.ends[:0], x.starts[:0]
	for i := 0; i < len(s); {
		if r, ok := cjkAt(s, i); ok {
			i += 3
			if !inBits(&scanBits, r) {
				continue
			}
			if f, folds := typo.FoldRune(r); folds {
				r, trad = f, true
			}
			if inBits(&keyBits, r) {
				k |= keyOf(r)
			}
			if inBits(&cnDigitBits, r) {
				starts = append(starts, i-3)
			}
			continue
		}
		r, w := decodeAt(s, i)
		if lvl := ending(r); lvl != 0 && !inNumber(s, i, r) {
			ends = append(ends, end{i, w, lvl, k})
			k = 0
		}
		if isFigureStart(r) {
			starts = append(starts, i)
		}
		i += w
	}
	x.ends, x.starts = append(ends, end{len(s), 0, endSentence, k}), starts
	x.nextStart = 0
	return trad
}

func inNumber(s string, i int, r rune) bool {
	return (r == ',' || r == ':') && i > 0 && isDigit(rune(s[i-1])) && i+1 < len(s) && isDigit(rune(s[i+1]))
}

// clauseState holds one clause, folded and as written, and the figures
// found in it.
type clauseState struct {
	text, src string
	figs      []figure
}

// segStart is where the words that may name figure k begin: after the
// figure before it. A class-defining figure before it (50头以上养殖大户23户)
// is part of those words.
func (c *clauseState) segStart(k int) int {
	for k--; k >= 0; k-- {
		if f := &c.figs[k]; !f.modifier {
			return max(f.qend, f.used)
		}
	}
	return 0
}

// nextStart is where the figure after k begins, or the clause's end.
func (c *clauseState) nextStart(k int) int {
	if k+1 < len(c.figs) {
		return c.figs[k+1].qstart
	}
	return len(c.text)
}

// clause extracts the figures of the clause from..to of the text.
func (x *extractor) clause(st *sentence, from, to int) {
	text := x.folded[from:to]
	lo := x.nextStart // clauses are read in order
	for lo < len(x.starts) && x.starts[lo] < from {
		lo++
	}
	hi := lo
	for hi < len(x.starts) && x.starts[hi] < to {
		hi++
	}
	x.nextStart = hi
	x.figs = scanFigures(text, from, x.starts[lo:hi], x.figs[:0])
	c := clauseState{text: text, src: x.src[from:to], figs: x.figs}
	var listed []string
	if len(c.figs) > 0 && x.keys&(keyFen|keyYou|keyCong) != 0 { // 分别, 由, 从: else no list
		listed = fromLists(&c, listLabels(&c, st))
	}
	for k := range c.figs {
		f := &c.figs[k]
		if f.modifier {
			continue
		}
		label, share := labelOf(st, &c, k, listed)
		in := x.indicator(st, &c, f, label)
		if countsIndicators(in) {
			continue
		}
		if !share {
			st.prevLabel = withoutAverage(in.Label)
		}
		if x.folds {
			in.Label = unfold(in.Label, x.folded, x.src)
		}
		x.out = append(x.out, in)
		st.hasPrev, st.subjClause = true, ""
		st.prevQ = text[f.qstart:f.qend]
		st.prevThreshold = !f.change && (in.Qualifier == "以上" || in.Qualifier == "以下" || in.Qualifier == "以内")
	}
	st.prevThreshold = false
	st.subjClause = ""
	if len(c.figs) == 0 {
		st.subjClause = text // read only when a figure after it names nothing
	}
	x.note(st, text)
}

// countsIndicators reports whether a figure counts the indicators of a
// plan (提出20项主要指标, 围绕创新提出3项指标): it says how the plan is
// written, not what it measures.
func countsIndicators(in Indicator) bool {
	return strings.HasSuffix(in.Label, "指标") && (in.Unit == "项" || in.Unit == "个" || in.Unit == "类")
}

// clauseSubject returns the measure a clause without figures is about
// (全省进出口总值创历史新高 → 进出口总值), which the figures of the clauses
// after it that name nothing measure (，达到5379亿元、增长18.5%); "" when
// the clause does not start with a measure followed by what is said of it.
func clauseSubject(text string) string {
	s := trimLead(strings.TrimSpace(text))
	i := len(s)
	for _, w := range subjectPredicates {
		if j := strings.Index(s, w); j > 0 && j < i {
			i = j
		}
	}
	subj := s[:i]
	if i == len(s) || utf8.RuneCountInString(subj) < 2 || utf8.RuneCountInString(subj) > maxLabel ||
		!charBefore(subj, measureEnds) || strings.ContainsFunc(subj, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
		return ""
	}
	return subj
}

// subjectPredicates begin what a clause without figures says of its
// subject: 创历史新高, 保持全国前列.
var subjectPredicates = []string{"创", "再创", "实现", "保持", "稳居", "位居", "居全国", "首次", "持续",
	"连续", "高于", "低于", "快于", "好于", "排名", "列全国", "跃居", "迈上", "稳中"}

// labelOf returns the label of figure k of a clause: the one a
// respectively-list gives it, the one its words give it, or the one before
// it. share is true for a share of a plan (完成任务的117.46%): its label
// names the thing before it, which the figures after it go on naming.
func labelOf(st *sentence, c *clauseState, k int, listed []string) (label string, share bool) {
	f := &c.figs[k]
	if listed != nil && listed[k] != "" {
		return listed[k], false
	}
	if f.fromTo != "" {
		return f.fromTo, false
	}
	if subj, year, ok := fromFigure(c, k); ok {
		f.fromYear, f.fromStart = year, true
		label = cleanBefore(subj, f, k > 0)
		if label == "" && (st.hasPrev || st.subjClause != "") {
			label = inherited(st)
		}
		c.figs[k+1].fromTo = label
		return label, false
	}
	if w := planShare(c.text[c.segStart(k):f.qstart]); w != "" && !f.change {
		if st.hasPrev {
			return st.prevLabel + w + "完成率", true
		}
		return w + "完成率", false
	}
	label, f.used = labelFor(c, k)
	if isSpan(label) && f.change && (st.hasPrev || st.subjClause != "") {
		// 财政收入达到1350亿元，3年增长58.6%: a change over the span.
		if w := changeIndex.suffix(trimSuffixes(c.text[c.segStart(k):f.qstart], connectorIndex)); w != "" {
			return inherited(st) + label + w, false
		}
	}
	if label == "" && (st.hasPrev || st.subjClause != "") {
		label = inherited(st)
		if strings.Contains(c.text[c.segStart(k):f.qstart], "完成") {
			label = planless(label)
		}
	}
	if slices.Contains(bareMeasures, label) && st.hasPrev {
		if subj := thingOf(st.prevLabel); subj != "" {
			label = subj + label
		}
	}
	if label == "总量" && st.hasPrev && st.prevLabel != "" {
		label = st.prevLabel // 国内生产总值增长5%，总量达到140.19万亿元: the thing's own level
	}
	if w := averageChange(c.text[c.segStart(k):f.qstart], f); w != "" && label != "" {
		label += w
	}
	return label, false
}

// isSpan reports whether s is only a number of years: 3年, 五年.
func isSpan(s string) bool {
	t, ok := strings.CutSuffix(s, "年")
	if !ok || t == "" {
		return false
	}
	for _, r := range t {
		if !isDigit(r) && !isCnDigit(r) {
			return false
		}
	}
	return true
}

// spanChange reports whether a label ends with a change over a span of
// years (财政收入3年增长), which is not the year's figure.
func spanChange(label string) bool {
	w := changeIndex.suffix(label)
	if w == "" {
		return false
	}
	t := label[:len(label)-len(w)]
	for i := range t {
		if isSpan(t[i:]) {
			return true
		}
	}
	return false
}

// bareMeasures name a measure without saying of what; after a figure of a
// thing (生猪出栏5.9万头，产值达9585万元) they measure that thing.
var bareMeasures = []string{"产量", "总产量", "产值", "总产值", "收入", "总收入", "营业收入",
	"销售收入", "增加值", "销售额", "营业额", "交易额", "利润", "利税", "产能"}

// thingOf returns the thing a label measures, without its measure and the
// verb before it: 粮食播种面积 → 粮食, 种植柠檬 → 柠檬, 医疗旅游人次 → 医疗旅游;
// "" when nothing is left.
func thingOf(label string) string {
	t := trimPrefixes(label, thingVerbs)
	for {
		w := suffixIn(t, thingMeasures)
		if w == "" || w == t {
			break
		}
		t = t[:len(t)-len(w)]
	}
	if t == label && slices.Contains(bareMeasures, t) || suffixIn(t, thingMeasures) == t {
		return ""
	}
	return t
}

// thingVerbs and thingMeasures are stripped from a label to find its thing.
var (
	thingVerbs    = []string{"种植", "养殖", "饲养", "新增", "新建", "发展", "完成", "实现", "接待", "生产"}
	thingMeasures = sortLongest(append([]string{"播种面积", "种植面积", "面积", "人次", "人数", "出栏",
		"存栏", "数量", "规模"}, bareMeasures...))
)

// withoutAverage returns a label without the average change it ends with:
// the thing the figures after it go on naming.
func withoutAverage(label string) string {
	w := changeIndex.suffix(label)
	if w == "" {
		return label
	}
	if a := suffixIn(label[:len(label)-len(w)], []string{"年均", "年平均"}); a != "" && len(a)+len(w) < len(label) {
		return label[:len(label)-len(w)-len(a)]
	}
	return label
}

// averageChange returns the words of an average yearly change written
// before a figure (年均增长9%, 年平均下降3%), which the label keeps: a change
// over years is another measure than the change of the year.
func averageChange(before string, f *figure) string {
	if !f.change {
		return ""
	}
	b := trimSuffixes(before, connectorIndex)
	w := changeIndex.suffix(b)
	if w == "" {
		return ""
	}
	if a := suffixIn(b[:len(b)-len(w)], []string{"年均", "年平均"}); a != "" {
		return a + w
	}
	return ""
}

// fromFigure reports whether figure k is where a change starts (比例由21%
// 提升至74%, 中职学校由71所优化整合为47所): 由 or 从 before it, and a verb
// ending in 至, 到 or 为 between it and the next figure, which it ends at.
// subj is the words before 由, which name both figures; year is the one
// named between 由 and the figure (由2020年的50%), or 0.
func fromFigure(c *clauseState, k int) (subj string, year int, ok bool) {
	f := &c.figs[k]
	seg, year := cutYearOf(c.text[c.segStart(k):f.qstart])
	w := suffixIn(seg, fromWords)
	if w == "" || k+1 >= len(c.figs) || charBefore(seg[:len(seg)-len(w)], "自理缘经听") {
		return "", 0, false
	}
	if !reachesTo(c.text[f.qend:c.figs[k+1].qstart]) {
		return "", 0, false
	}
	return seg[:len(seg)-len(w)], year, true
}

// fromWords start the figure a change starts from.
var fromWords = []string{"由", "从"}

// cutYearOf cuts the year a figure is of from the words before it
// (由2020年的, 由2015年底的, 到2025年的) and returns the words left and the
// year, or the words unchanged and 0.
func cutYearOf(seg string) (string, int) {
	t, ok := strings.CutSuffix(seg, "的")
	if !ok {
		return seg, 0
	}
	if u := trimSuffixes(t, planEndIndex); u != t {
		p := strings.TrimRight(u, "”’\"")
		if n := len(p) - len("十三五"); n >= 0 {
			if year, _ := fiveYearPlan(p[n:]); year != 0 {
				return strings.TrimRight(p[:n], "“‘\""), year // 从“十三五”末的50%
			}
		}
	}
	t = trimSuffixes(t, yearEndIndex)
	if n := len(t) - len("2020年"); n >= 0 {
		if year := lastYear(t[n:]); year != 0 {
			return t[:n], year
		}
	}
	return seg, 0
}

// reachesTo reports whether the words between two figures say that a
// change reaches the second (提高到, 优化整合为, 提升到2025年的).
func reachesTo(between string) bool {
	between, _ = cutYearOf(between)
	return utf8.RuneCountInString(between) <= 8 && suffixIn(between, []string{"至", "到", "为"}) != "" && !strings.ContainsAny(between, "、，；")
}

// planless returns the thing a plan is for: a result (…任务174万，完成198万)
// is of 财政收入, not of 财政收入任务.
func planless(label string) string {
	t := trimPrefixes(label, []string{"年度计划", "计划"})
	if w := suffixIn(t, planNouns); w != "" {
		t = t[:len(t)-len(w)]
	}
	if t == "" {
		return label
	}
	return t
}

// inherited is the label of a figure that names nothing itself: the one
// before it, or, right after a threshold (700分以上5人), the thing with
// the threshold.
func inherited(st *sentence) string {
	if st.subjClause != "" {
		if subj := clauseSubject(st.subjClause); subj != "" {
			return subj
		}
	}
	if st.prevThreshold {
		return st.prevLabel + st.prevQ
	}
	return st.prevLabel
}

// note records what a clause says for the clauses after it.
func (x *extractor) note(st *sentence, text string) {
	if x.hasTargetMarker(text) {
		st.target = true
	}
	if x.estimated(text) {
		st.estimate = true
		x.estimate = x.estimate || estimatesBelow(text)
	}
	if y := x.clauseYear(text); y != 0 {
		st.year = y
	}
	if y := x.clausePeriod(text); y != 0 {
		st.period = y
	}
}

// hasTargetMarker, estimated, clauseYear and clausePeriod are
// hasTargetMarker, markerIn(s, estimateMarker), namedYear and periodIn for
// s, the clause being read or a part of it, passed over when the clause
// lacks the characters they look for (keys.go).
func (x *extractor) hasTargetMarker(s string) bool {
	return x.keys&targetKeys != 0 && hasTargetMarker(s, x.review, x.keys)
}

func (x *extractor) estimated(s string) bool {
	return x.keys&keyYu != 0 && markerIn(s, estimateMarker)
}

func (x *extractor) clauseYear(s string) int {
	if x.keys&yearKeys == 0 {
		return 0
	}
	return x.namedYear(s)
}

func (x *extractor) clausePeriod(s string) int {
	if x.keys&keyWu == 0 {
		return 0
	}
	return x.periodIn(s)
}

// indicator builds the record of figure f.
func (x *extractor) indicator(st *sentence, c *clauseState, f *figure, label string) Indicator {
	before := c.text[:f.qstart]
	in := Indicator{
		Anchor:      st.anchor,
		Label:       label,
		Written:     c.src[f.start:f.end],
		Unit:        f.magnitude + normUnit(f.unit),
		Magnitude:   f.magnitude,
		Qualifier:   f.qualifier,
		Change:      f.change,
		Redacted:    f.num.redacted || f.hasTop && f.top.redacted,
		UnitMissing: f.unitMissing,
		Featured:    isFeatured(label) && !hasStreak(before) && f.fromYear == 0 && !spanChange(label),
		Text:        strings.TrimSpace(c.src),
	}
	var estimate bool
	in.Kind, in.Year, estimate = x.kindYear(st, before)
	if f.fromYear != 0 {
		in.Kind, in.Year, estimate = Actual, f.fromYear, false // 由2020年的50%
	}
	if in.Qualifier == "" && estimate {
		in.Qualifier = estimateMarker
	}
	if in.Qualifier == "" && strings.Contains(before, cumulative) {
		in.Qualifier = cumulative
	}
	x.overPeriod(st, f, &in, before)
	if !f.num.redacted {
		in.Value = value(f.num.digits, 0, f.down)
		if f.magnitude != "" {
			in.Base = value(f.num.digits, f.shift, f.down)
		}
	}
	if f.hasTop && !f.top.redacted {
		in.Upper = value(f.top.digits, 0, f.down)
	}
	return in
}

func normUnit(u string) string {
	if a, ok := unitAlias[u]; ok {
		return a
	}
	return u
}

// value parses decimal digits scaled by 10^shift; the shift moves the
// decimal point in the text so that 4.2万 is exactly 42000.
func value(digits string, shift int, neg bool) *float64 {
	if shift > 0 {
		digits = shiftDecimal(digits, shift)
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return nil
	}
	if neg {
		v = -v
	}
	return &v
}

func shiftDecimal(d string, shift int) string {
	intPart, frac, _ := strings.Cut(d, ".")
	for len(frac) < shift {
		frac += "0"
	}
	return intPart + frac[:shift] + "." + frac[shift:] + "0"
}

// Figures of a period of years. A review of a five-year plan states what
// the five years added up to (五年累计营造林2027万亩, “十四五”期间城镇新增
// 就业261.6万人) and how fast things grew on average; none of these is the
// figure of the year under review. The rule: an actual stated for a period
// — its sentence names the period before it (这五年, 五年来, 过去五年,
// “十四五”期间/时期/以来), or it comes after a sentence of a paragraph that
// opens with one, in that paragraph or the next, in a sentence naming no
// year of its own — is dated to the period's last year (the report
// year for 五年来, 2025 for “十四五”), is never featured, and a total in it
// (a count or an amount, not a rate, a change, a featured level or a level
// reached: 突破3万亿元) takes the qualifier 累计 when it has no other.

// periodWords name a period of years ending in the report's year.
var periodWords = []string{"这五年", "五年来", "过去五年", "近五年", "五年间", "五年累计", "五年共"}

// periodEnds, after a five-year plan's name, make it a period: “十四五”期间.
var periodEnds = []string{"期间", "时期", "以来", "这五年"}

// periodIn returns the last year of the period of years s names, or 0.
func (x *extractor) periodIn(s string) int {
	if !strings.Contains(s, "五") {
		return 0
	}
	if strings.Contains(s, "五年") && containsAny(s, periodWords) {
		return x.year
	}
	for rest := s; ; {
		y, after := fiveYearPlan(rest)
		if y == 0 {
			return 0
		}
		if prefixIn(after, periodEnds) != "" {
			return y
		}
		rest = after
	}
}

// periodStart returns the last year of the period a sentence of a review
// opens with (这五年，我们…; “十四五”时期，…), or 0.
func (x *extractor) periodStart(s string) int {
	if x.plan {
		return 0
	}
	return x.periodIn(firstRunes(strings.TrimSpace(s), 12))
}

// levelVerbs before a figure say it is a level reached, not a total.
var levelVerbs = []string{"突破", "跨过", "跨越", "达到", "达", "迈上", "跃上", "站上", "提高到", "提升到", "提高至",
	"提升至", "增至", "增加到", "增长到", "超过", "为"}

// levelMeasures end the label of a level or a stock, never a total: a rate,
// a share, what is installed or open (电力总装机, 通车里程). A count with
// decimals and no magnitude (每千人口执业医师3.57个) is per head.
var levelMeasures = []string{"率", "比重", "占比", "比例", "指数", "人均", "装机", "里程", "总量", "规模",
	"余额", "保有量", "总数", "水平"}

// rateUnits measure a rate or a ratio, never a total.
var rateUnits = []string{"%", "‰", "个百分点", "百分点", "倍"}

// overPeriod applies the rule for figures of a period of years to in.
func (x *extractor) overPeriod(st *sentence, f *figure, in *Indicator, before string) {
	y := st.period
	if p := x.clausePeriod(before); p != 0 {
		y = p
	}
	if y == 0 && x.spanBlocks > 0 && st.year == 0 && x.clauseYear(before) == 0 {
		y = x.spanEnd // a year named in the sentence (2025年，…) makes it the year's
	}
	if y == 0 || in.Kind != Actual || f.fromYear != 0 || f.fromStart || f.fromTo != "" {
		return
	}
	featured := in.Featured
	in.Year, in.Featured = y, false
	b := trimSuffixes(strings.TrimSpace(before), connectorIndex)
	if in.Qualifier != "" || f.change || featured || isFeatured(in.Label) ||
		slices.Contains(rateUnits, normUnit(f.unit)) || strings.Contains(f.unit, "/") ||
		suffixIn(in.Label, levelMeasures) != "" && !strings.HasPrefix(in.Label, "新增") || f.magnitude == "" && strings.Contains(f.num.digits, ".") && slices.Contains(counters, f.unit) ||
		prefixIn(in.Label, []string{"单位", "度电", "每", "人均", "户均", "亩均", "平均", "实有", "现有", "拥有"}) != "" ||
		suffixIn(before, levelVerbs) != "" || suffixIn(b, levelVerbs) != "" {
		return
	}
	in.Qualifier = cumulative
}
