package archive

import (
	"slices"
	"strings"

	"github.com/govreport/govreport/internal/indicator"
)

// Status is how a target fared, or whether a project was found.
type Status string

// The statuses of a target.
const (
	Achieved      Status = "达成"    // the next report states the figure, and it meets the target
	Missed        Status = "未达成"   // the next report states the figure, and it falls short
	NotReported   Status = "未报告"   // the next year's report exists but does not state the figure
	NoNextReport  Status = "无下年报告" // there is no report of the next year (yet)
	NotComparable Status = "无法比较"  // a placeholder on either side, or figures that do not compare
)

// Promise is a target a report sets for the next year beside what the next
// year's report states for the same figure.
//
// How a target is met. A target is a floor (the figure should reach it)
// unless it is a ceiling: qualified 以内, 以下, 不超过, 不足, 不高于, or
// written after 控制在 or 控制到 (城镇登记失业率控制在3.5%以内), or of a
// figure that is a cap by nature, however worded (ceilingFigures). A target
// of a fall (下降2%以上, stored as −2) is about the size of the fall: a
// floor wants a fall at least that large. A range (3-5%, 3至5个) is met by
// its near end for a floor (3%) and by its far end for a ceiling (5%).
// About (左右, 约: 增长6%左右) allows 5% of the target either way: 5.7% meets
// 6%左右. Figures compare in their family's unit (13亿元 against
// 138000万元).
type Promise struct {
	Year   int       // the year the target is for: the target report's year + 1
	Label  string    // the target's label as written
	Target Statement // the target and its sentence
	// Result is what the next year's report states for the figure, and
	// where; nil when it states nothing (未报告) or there is no such report.
	Result *Statement
	Status Status
	// Ceiling is true when the figure should stay at or below the target.
	Ceiling bool
	// About is true for a target of about (左右, 约), met within 5%.
	About bool
	// Gap is the result less the target (its near end, or far end for a
	// ceiling), in GapUnit: the target's unit, or 个百分点 for rates and
	// changes; nil unless the status is 达成 or 未达成.
	Gap     *float64
	GapUnit string
	// Note says why a target cannot be compared.
	Note string
}

// aboutTolerance is how far from a target of about (左右) a result may be
// and meet it, as a share of the target: a house rule, not a standard.
const aboutTolerance = 0.05

// ceilingQualifiers and ceilingVerbs make a target a ceiling.
var (
	ceilingQualifiers = []string{"以内", "以下", "不超过", "不足", "不高于"}
	ceilingVerbs      = []string{"控制在", "控制到", "不高于", "不超过"}
)

// promises returns, report by report, each target set for the next year
// beside the next year's result.
func promises(rs []entry) []Promise {
	var out []Promise
	for ri := range rs {
		r := &rs[ri]
		if r.Meta.Year == 0 {
			continue // an undated report has no next year
		}
		next := reportsOf(rs, r.Meta.Year+1)
		for _, ti := range targets(r) {
			out = append(out, promise(rs, ri, ti, next))
		}
	}
	return out
}

// reportsOf returns the indexes of the reports that review year.
func reportsOf(rs []entry, year int) []int {
	var out []int
	for i := range rs {
		if rs[i].Meta.Year == year {
			out = append(out, i)
		}
	}
	return out
}

// targets returns the indexes of the targets a report sets for the year
// after it reviews, one per figure (the first featured, else the first), in
// reading order.
func targets(r *entry) []int {
	var keys []figureKey
	byKey := map[figureKey][]int{}
	for i := range r.Indicators {
		in := &r.Indicators[i]
		k, ok := r.keys[i], r.named[i]
		if in.Kind != indicator.Target || in.Year != r.Meta.Year+1 || !ok {
			continue
		}
		if byKey[k] == nil {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	var out []int
	for _, k := range keys {
		out = append(out, pick(r.Indicators, byKey[k]))
	}
	slices.Sort(out)
	return out
}

// promise sets target ti of report ri beside the next year's reports.
func promise(rs []entry, ri, ti int, next []int) Promise {
	r := &rs[ri]
	t := r.Indicators[ti]
	p := Promise{Year: r.Meta.Year + 1, Label: t.Label,
		Target:  Statement{Ref: Ref{Report: r.Meta.Slug, Anchor: t.Anchor}, Indicator: t},
		Ceiling: isCeiling(&t), About: t.Qualifier == "左右" || t.Qualifier == "约"}
	if len(next) == 0 {
		p.Status = NoNextReport
		return p
	}
	k := r.keys[ti]
	res, exact := result(rs, next, k, p.Year)
	if res == nil {
		p.Status = NotReported
		return p
	}
	p.Result = res
	switch {
	case !exact:
		p.Status, p.Note = NotComparable, mismatch(&t, &res.Indicator)
	case base(&t) == nil:
		p.Status, p.Note = NotComparable, "目标为占位符"
	case base(&res.Indicator) == nil:
		p.Status, p.Note = NotComparable, "结果为占位符"
	default:
		p.judge()
	}
	return p
}

// result finds the next year's statement of figure k: in the first of the
// next reports that states it, the first featured statement, else the
// first. exact is false when no report states k itself but one states the
// same label in another unit, as a level for a change or the other way
// round, or as a running total: that statement is returned.
func result(rs []entry, next []int, k figureKey, year int) (*Statement, bool) {
	var near *Statement
	for _, ni := range next {
		n := &rs[ni]
		var same []int
		other := -1
		for _, i := range n.actuals[k.label] {
			if figureYear(&n.Indicators[i], &n.Meta) != year {
				continue
			}
			if n.keys[i] == k {
				same = append(same, i)
			} else if other < 0 {
				other = i
			}
		}
		if len(same) > 0 {
			i := pick(n.Indicators, same)
			return &Statement{Ref: Ref{Report: n.Meta.Slug, Anchor: n.Indicators[i].Anchor}, Indicator: n.Indicators[i]}, true
		}
		if other >= 0 && near == nil {
			near = &Statement{Ref: Ref{Report: n.Meta.Slug, Anchor: n.Indicators[other].Anchor}, Indicator: n.Indicators[other]}
		}
	}
	return near, false
}

// mismatch says why a target and a result of the same label do not compare.
func mismatch(t, r *indicator.Indicator) string {
	switch {
	case t.Change != r.Change:
		if t.Change {
			return "目标为增减幅度，结果为总量"
		}
		return "目标为总量，结果为增减幅度"
	case (t.Qualifier == cumulative) != (r.Qualifier == cumulative):
		return "一方为累计数"
	}
	return "单位不同"
}

// ceilingFigures are the figures whose targets are caps by their nature,
// matched in a label's key: a rise in consumer prices (居民消费价格涨幅3%左右)
// or an unemployment rate (城镇调查失业率5.5%左右) that comes in lower has
// not fallen short of its target. Keep the list short; justify each.
var ceilingFigures = []string{"居民消费价格", "失业率"}

// isCeiling reports whether a target is a ceiling: qualified 以内 or the
// like, written after 控制在, or of a figure that is a cap by nature.
func isCeiling(t *indicator.Indicator) bool {
	if slices.Contains(ceilingQualifiers, t.Qualifier) {
		return true
	}
	if k, _ := labelKey(t.Label); containsAny(k, ceilingFigures) {
		return true
	}
	i := strings.Index(t.Text, t.Written)
	if i < 0 {
		return false
	}
	before := t.Text[:i]
	for _, v := range ceilingVerbs {
		if strings.HasSuffix(before, v) {
			return true
		}
	}
	return false
}

// judge decides a comparable target: met or missed, and the gap.
func (p *Promise) judge() {
	t, r := &p.Target.Indicator, &p.Result.Indicator
	lo := *base(t)
	hi := lo
	if t.Upper != nil {
		hi = *t.Upper * magnitudes[t.Magnitude]
	}
	sign := 1.0
	if lo < 0 || hi < 0 {
		sign = -1 // a fall: compare its size
	}
	a, lo, hi := sign**base(r), sign*lo, sign*hi
	bound := min(lo, hi)
	if p.Ceiling {
		bound = max(lo, hi)
	}
	tol := 0.0
	if p.About {
		tol = aboutTolerance * abs(bound)
	}
	met := a >= bound-tol
	if p.Ceiling {
		met = a <= bound+tol
	}
	p.Status = Missed
	if met {
		p.Status = Achieved
	}
	p.GapUnit = t.Unit
	if t.Change || isRate(family(t)) {
		p.GapUnit = "个百分点"
	}
	p.Gap = ptr(clean(sign * (a - bound) / magnitudes[t.Magnitude]))
}
