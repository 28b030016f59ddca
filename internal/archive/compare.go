package archive

import (
	"math"
	"slices"
	"strconv"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/report"
)

// Report is one report of a place, read whole: what Compare needs.
type Report struct {
	Meta       report.Meta
	Doc        *report.Doc
	Indicators []indicator.Indicator // indicator.Extract(Doc)
}

// Comparison is what a place's reports say across years.
type Comparison struct {
	Series   []Series  // the figures that recur across the reports
	Promises []Promise // each year's targets beside the next year's results
	Projects []Project // each year's livelihood projects beside the next report
}

// Ref points at a sentence: the slug of its report and the anchor of the
// block that holds it.
type Ref struct {
	Report string
	Anchor string
}

// Statement is a figure as a report states it, and where.
type Statement struct {
	Ref
	Indicator indicator.Indicator
}

// Compare reads one place's reports — oldest first; it sorts them by year,
// date and slug if they are not — and returns what they say across years.
func Compare(reports []Report) Comparison {
	rs := prepare(reports)
	return Comparison{Series: series(rs), Promises: promises(rs), Projects: projects(rs)}
}

// entry is a report with the figures its indicators state, read once.
type entry struct {
	Report
	keys    []figureKey      // each indicator's figure
	named   []bool           // whether its label names a figure
	actuals map[string][]int // the actuals by label key, in reading order
}

// prepare sorts reports by year, date and slug and reads their figures.
func prepare(reports []Report) []entry {
	es := make([]entry, len(reports))
	type key struct {
		label string
		ok    bool
	}
	keys := map[string]key{} // a place's reports repeat their labels
	for i, r := range reports {
		e := entry{Report: r, keys: make([]figureKey, len(r.Indicators)), named: make([]bool, len(r.Indicators)),
			actuals: map[string][]int{}}
		for j := range r.Indicators {
			in := &r.Indicators[j]
			k, seen := keys[in.Label]
			if !seen {
				k.label, k.ok = labelKey(in.Label)
				keys[in.Label] = k
			}
			e.keys[j] = figureOf(in, k.label)
			e.named[j] = k.ok
			if e.named[j] && in.Kind == indicator.Actual {
				e.actuals[e.keys[j].label] = append(e.actuals[e.keys[j].label], j)
			}
		}
		es[i] = e
	}
	slices.SortStableFunc(es, func(a, b entry) int { return byYearDate(a.Meta, b.Meta) })
	return es
}

// figureYear is the year an indicator is for: its own, else its report's.
func figureYear(in *indicator.Indicator, m *report.Meta) int {
	if in.Year != 0 {
		return in.Year
	}
	return m.Year
}

// pick returns the index of the statement of a figure a report makes that
// stands for it when it states it more than once: the first featured one,
// else the first. idx are indexes into ins, in reading order.
func pick(ins []indicator.Indicator, idx []int) int {
	for _, i := range idx {
		if ins[i].Featured {
			return i
		}
	}
	return idx[0]
}

// magnitudes are the powers of ten a magnitude stands for.
var magnitudes = map[string]float64{"": 1, "万": 1e4, "亿": 1e8, "万亿": 1e12}

// inUnit returns an indicator's value in unit, a unit of its family with
// magnitude mag, or nil for a placeholder or a range.
func inUnit(in *indicator.Indicator, unit, mag string) *float64 {
	if in.Upper != nil {
		return nil // a range is no point on a line
	}
	if in.Unit == unit && in.Value != nil && !in.Redacted {
		v := *in.Value
		return &v
	}
	b := base(in)
	if b == nil {
		return nil
	}
	v := clean(*b / magnitudes[mag])
	return &v
}

// clean rounds x to 12 significant digits: 3.6−3.2 is 0.4, not
// 0.40000000000000036, and 286000万元 in 亿元 is 28.6.
func clean(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	return v
}

func ptr(x float64) *float64 { return &x }
