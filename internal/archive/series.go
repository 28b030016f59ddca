package archive

import (
	"cmp"
	"slices"

	"github.com/govreport/govreport/internal/indicator"
)

// Series is one figure across a place's years: an actual (a result, not a
// target) that at least two of its reports state, for at least two years.
type Series struct {
	Key   string // the label's key (see labelKey): 地区生产总值
	Label string // the label as the newest point's report writes it
	// Unit is the unit of the points' values: the unit most of the
	// figures with a value are written in, the newer of two as common
	// (亿元: 286000万元 among 25.6亿元 and 27.1亿元 shows as 28.6).
	Unit string
	// Change is true for a series of changes (增长6.2%), false for levels.
	// The two never mix.
	Change bool
	// Cumulative is true for a series of running totals (累计).
	Cumulative bool
	// ChangeUnit is the unit of the points' changes: "%" (relative, for
	// levels) or "个百分点" (a difference, for rates and for changes).
	ChangeUnit string
	Featured   bool    // some point is a standard statistical indicator
	Points     []Point // one a year, oldest first; a year no report states has none
}

// Point is a figure's value for one year.
type Point struct {
	Year int // the year the figure is for
	// Statement is the figure as its report states it: every value links
	// to its sentence.
	Statement
	// Value is in the series' Unit; nil for a placeholder (XX万元) or a
	// range (3-5个): a gap, never zero.
	Value *float64
	// Change is from the point of the year before, in the series'
	// ChangeUnit, to 12 significant digits; nil for the first point, after
	// a year with no point, and when either value is a gap.
	Change *float64
	// Others counts the further statements of this figure for this year
	// that were not picked. The one picked is the statement of the report
	// that reviews the year (else of the earliest report); of its
	// statements, the first featured one, else the first.
	Others int
}

// candidate is one statement of a figure for a year.
type candidate struct {
	report, index int  // the report, and the indicator in it
	own           bool // the report reviews the figure's year
}

// series returns the figures that recur across the reports rs, in order:
// featured first, then as the newest report states them.
func series(rs []entry) []Series {
	byKey := map[figureKey]map[int][]candidate{}
	var keys []figureKey
	for ri := range rs {
		r := &rs[ri]
		for ii := range r.Indicators {
			in := &r.Indicators[ii]
			k, ok := r.keys[ii], r.named[ii]
			if in.Kind != indicator.Actual || !ok {
				continue
			}
			y := figureYear(in, &r.Meta)
			if y == 0 {
				continue
			}
			if byKey[k] == nil {
				byKey[k] = map[int][]candidate{}
				keys = append(keys, k)
			}
			byKey[k][y] = append(byKey[k][y], candidate{report: ri, index: ii, own: y == r.Meta.Year})
		}
	}
	var out []Series
	var order [][2]int // per series: the newest point's report and indicator
	for _, k := range keys {
		s, last, ok := makeSeries(rs, k, byKey[k])
		if ok {
			out = append(out, s)
			order = append(order, last)
		}
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(-boolCmp(out[a].Featured, out[b].Featured),
			-cmp.Compare(order[a][0], order[b][0]), cmp.Compare(order[a][1], order[b][1]),
			cmp.Compare(out[a].Key, out[b].Key))
	})
	sorted := make([]Series, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// makeSeries builds the series of figure k from its statements by year, and
// returns where its newest point is stated; false when fewer than two
// reports or two years state it.
func makeSeries(rs []entry, k figureKey, byYear map[int][]candidate) (Series, [2]int, bool) {
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	if len(years) < 2 {
		return Series{}, [2]int{}, false
	}
	slices.Sort(years)
	s := Series{Key: k.label, Change: k.change, Cumulative: k.cumulative}
	reports := map[int]bool{}
	chosen := make([]candidate, len(years))
	for i, y := range years {
		chosen[i] = choose(rs, byYear[y])
		reports[chosen[i].report] = true
		c := chosen[i]
		in := rs[c.report].Indicators[c.index]
		s.Points = append(s.Points, Point{Year: y, Others: len(byYear[y]) - 1,
			Statement: Statement{Ref: Ref{Report: rs[c.report].Meta.Slug, Anchor: in.Anchor}, Indicator: in}})
		s.Featured = s.Featured || in.Featured
	}
	if len(reports) < 2 {
		return Series{}, [2]int{}, false
	}
	newest := s.Points[len(s.Points)-1].Indicator
	s.Label = newest.Label
	var mag string
	s.Unit, mag = seriesUnit(s.Points)
	s.ChangeUnit = "%"
	if k.change || isRate(k.family) {
		s.ChangeUnit = "个百分点"
	}
	for i := range s.Points {
		p := &s.Points[i]
		p.Value = inUnit(&p.Indicator, s.Unit, mag)
		if i > 0 {
			p.Change = change(&s.Points[i-1], p, s.ChangeUnit == "%")
		}
	}
	last := chosen[len(chosen)-1]
	return s, [2]int{last.report, last.index}, true
}

// seriesUnit returns the unit most points with a value are written in, and
// its magnitude: of two as common, the newer point's. With no value at all,
// the newest point's.
func seriesUnit(ps []Point) (unit, mag string) {
	count := map[string]int{}
	best := -1
	for i := len(ps) - 1; i >= 0; i-- {
		in := &ps[i].Indicator
		if base(in) == nil || in.Upper != nil {
			continue
		}
		count[in.Unit]++
		if best < 0 || count[in.Unit] > count[ps[best].Indicator.Unit] {
			best = i
		}
	}
	if best < 0 {
		best = len(ps) - 1
	}
	return ps[best].Indicator.Unit, ps[best].Indicator.Magnitude
}

// choose picks the statement that stands for a figure in a year: the
// report's own year before a year another report looks back on, then the
// earliest report; within the report, the first featured statement, else
// the first.
func choose(rs []entry, cs []candidate) candidate {
	best := cs[0]
	for _, c := range cs[1:] {
		if c.own && !best.own || c.own == best.own && c.report < best.report {
			best = c
		}
	}
	var same []int
	for _, c := range cs {
		if c.report == best.report {
			same = append(same, c.index)
		}
	}
	best.index = pick(rs[best.report].Indicators, same)
	for _, c := range cs {
		if c.report == best.report && c.index == best.index {
			return c
		}
	}
	return best
}

// change returns the change from point p to q, years apart by one: relative
// (in %) when relative, else the difference; nil across a gap.
func change(p, q *Point, relative bool) *float64 {
	if q.Year != p.Year+1 || p.Value == nil || q.Value == nil {
		return nil
	}
	if !relative {
		return ptr(clean(*q.Value - *p.Value))
	}
	if *p.Value == 0 {
		return nil
	}
	return ptr(clean((*q.Value - *p.Value) / abs(*p.Value) * 100))
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
