package site

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/govreport/govreport/internal/archive"
)

// The chart's geometry, in SVG user units: one is a CSS pixel at a 16px
// text size. The chart's width and height are given in em, so the page's
// text-size switch (标准, 大, 特大) scales it with the text.
const (
	chartSlot   = 40  // the least width of one year: a year label and a gap
	chartDigit  = 8   // the width of a character of a value label, and some
	chartBar    = 24  // the width of a bar
	chartPad    = 6   // left and right of the years
	chartPlot   = 84  // the height from the lowest to the highest bar end
	chartLine   = 16  // a line of text: the unit, a value label, the years
	chartFont   = 13  // the text size
	chartEmUnit = 16. // user units per em
)

// Chart draws a figure across years as a small bar chart in inline SVG, at
// build time: no script, no colour needed (the bars and text take the
// text colour, so the high-contrast mode swaps them too).
//
//   - Bars start at zero, with the zero line drawn; a change below zero
//     hangs below it. The scale does not lie: no axis is cut.
//   - Every bar carries its value; every year its label; the unit stands
//     above the bars.
//   - A placeholder (XX万元) or a range is a gap: no bar, and the figure as
//     written (XX) in the middle of its year. A year no report states is an
//     empty year. Never a zero.
//   - A text alternative: role="img" and a <title> that says every value.
//
// The same series gives the same bytes. The result is "" when no point has
// a value: a table says it better.
func Chart(s archive.Series) template.HTML {
	if len(s.Points) == 0 {
		return ""
	}
	lo, hi, ok := 0.0, 0.0, false
	for _, p := range s.Points {
		if p.Value != nil {
			lo, hi, ok = math.Min(lo, *p.Value), math.Max(hi, *p.Value), true
		}
	}
	if !ok {
		return ""
	}
	first, last := s.Points[0].Year, s.Points[len(s.Points)-1].Year
	n := last - first + 1
	slot := chartSlot // wide enough for the longest label
	for _, p := range s.Points {
		l := len(chartGap(p))
		if p.Value != nil {
			l = len(chartValue(*p.Value))
		}
		slot = max(slot, l*chartDigit+8)
	}
	neg := 0.0 // room below the plot for the labels of bars below zero
	if lo < 0 {
		neg = chartLine
	}
	w := 2*chartPad + n*slot
	top := 2*chartLine + 2 // the unit, then the labels of bars above zero
	h := float64(top) + chartPlot + neg + chartLine + 6
	span := hi - lo
	if span == 0 {
		span = 1 // all zero: flat bars on the line
	}
	y := func(v float64) float64 { return float64(top) + (hi-v)/span*chartPlot }
	zero := y(0)

	var b strings.Builder
	b.Grow(256 + n*120)
	b.WriteString(`<svg class="chart" role="img" viewBox="0 0 `)
	b.WriteString(strconv.Itoa(w) + " " + chartNum(h) + `" width="` + chartNum(float64(w)/chartEmUnit) + `em" height="` + chartNum(h/chartEmUnit) +
		`em" fill="currentColor" font-size="` + strconv.Itoa(chartFont) + `" text-anchor="middle"><title>`)
	b.WriteString(template.HTMLEscapeString(chartTitle(s)))
	b.WriteString(`</title><text x="` + strconv.Itoa(chartPad) + `" y="` + strconv.Itoa(chartLine-3) + `" text-anchor="start">`)
	b.WriteString(template.HTMLEscapeString(chartUnit(s)))
	b.WriteString("</text>")

	var bars strings.Builder
	for _, p := range s.Points {
		cx := float64(chartPad + (p.Year-first)*slot + slot/2)
		if p.Value == nil {
			chartText(&b, cx, (zero+float64(top))/2+4, chartGap(p), ` opacity=".7"`)
			continue
		}
		v := *p.Value
		end := y(v)
		t, bot := math.Min(end, zero), math.Max(end, zero)
		bars.WriteString("M" + chartNum(cx-chartBar/2) + " " + chartNum(t) + "h" + strconv.Itoa(chartBar) + "v" + chartNum(bot-t) + "h-" + strconv.Itoa(chartBar) + "z")
		ly := end - 4 // above a bar up, below a bar down
		if v < 0 {
			ly = end + chartLine - 3
		}
		chartText(&b, cx, ly, chartValue(v), "")
	}
	if bars.Len() > 0 {
		b.WriteString(`<path fill-opacity=".6" d="` + bars.String() + `"/>`)
	}
	b.WriteString(`<path d="M` + strconv.Itoa(chartPad) + " " + chartNum(zero) + "H" + strconv.Itoa(w-chartPad) + `" stroke="currentColor"/>`)
	for yr := first; yr <= last; yr++ {
		chartText(&b, float64(chartPad+(yr-first)*slot+slot/2), h-5, strconv.Itoa(yr), "")
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

// chartText writes a text element centred on x with its baseline at y.
func chartText(b *strings.Builder, x, y float64, s, attrs string) {
	b.WriteString(`<text x="` + chartNum(x) + `" y="` + chartNum(y) + `"` + attrs + ">" + template.HTMLEscapeString(s) + "</text>")
}

// chartTitle is the chart's text alternative: the figure, its unit, and
// each year's value as exactly as the series has it.
func chartTitle(s archive.Series) string {
	var b strings.Builder
	b.WriteString(s.Label)
	if s.Change {
		b.WriteString("增减")
	}
	if s.Cumulative {
		b.WriteString("（累计）")
	}
	b.WriteString("，单位" + s.Unit + "：")
	for i, p := range s.Points {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(strconv.Itoa(p.Year) + "年")
		if p.Value == nil {
			b.WriteString("无数值（原文" + p.Indicator.Written + "）")
			continue
		}
		b.WriteString(strconv.FormatFloat(*p.Value, 'f', -1, 64))
	}
	b.WriteString("。")
	return b.String()
}

// chartUnit is the unit above the bars: 亿元, or 增减（%） for changes.
func chartUnit(s archive.Series) string {
	if s.Change {
		return "增减（" + s.Unit + "）"
	}
	return s.Unit
}

// chartGap is what stands in a gap: the figure as written, without its
// unit (XX for XX万元, 3至5 for 3至5所).
func chartGap(p archive.Point) string {
	in := p.Indicator
	if t := strings.TrimSuffix(in.Written, in.Unit); t != "" {
		return t
	}
	return "—"
}

// chartValue writes a value on its bar, short enough for the bar's year:
// whole numbers from 1,000, one decimal from 100, two below; the table
// beside the chart and its title have it exactly.
func chartValue(v float64) string {
	prec := 2
	switch a := math.Abs(v); {
	case a >= 1000:
		prec = 0
	case a >= 100:
		prec = 1
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// chartNum writes a coordinate with at most one decimal.
func chartNum(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// The sparkline's geometry, in SVG user units; the style sheet (.s) sets
// its height, and its width follows from the viewBox.
const (
	sparkSlot = 8  // the width of one year
	sparkBar  = 6  // the width of a bar
	sparkPlot = 20 // the height from the lowest to the highest bar end
)

// Spark draws a figure across years as a sparkline of bars in inline SVG,
// for the row of the place page's table that lists the same values by
// year: the trend beside the numbers, in one path, with no labels of its
// own (the row and the column heads are its labels).
//
//   - Bars start at zero: a base line runs under every year that states a
//     value, and a change below zero hangs below it. No axis is cut.
//   - A placeholder, or a year no report states, is a gap: no bar and no
//     base line under it, so it never reads as zero. A value too small to
//     see at this size still gets a bar one unit high.
//   - A text alternative: role="img" and a <title> that says every value,
//     as Chart's does.
//
// Its years run from first to last (the table's), so the sparklines of one
// table share their scale of years. The result is "" when no point has a
// value.
func Spark(s archive.Series, first, last int) template.HTML {
	lo, hi, ok := 0.0, 0.0, false
	for _, p := range s.Points {
		if p.Value != nil {
			lo, hi, ok = math.Min(lo, *p.Value), math.Max(hi, *p.Value), true
		}
	}
	if !ok {
		return ""
	}
	span := hi - lo
	if span == 0 {
		span = 1
	}
	zero := int(math.Round(hi / span * sparkPlot)) // the base line's top
	height := func(v float64) int {
		h := int(math.Round(math.Abs(v) / span * sparkPlot))
		if h == 0 && v != 0 {
			h = 1
		}
		return h
	}
	byYear := map[int]float64{}
	for _, p := range s.Points {
		if p.Value != nil {
			byYear[p.Year] = *p.Value
		}
	}
	var d strings.Builder
	run := -1 // the first year of the current run of stated values
	for yr := first; yr <= last+1; yr++ {
		v, stated := byYear[yr]
		if yr > last {
			stated = false
		}
		if stated && run < 0 {
			run = yr
		}
		if !stated && run >= 0 { // the base line under the run
			x, w := (run-first)*sparkSlot, (yr-run)*sparkSlot
			d.WriteString("M" + strconv.Itoa(x) + " " + strconv.Itoa(zero) + "h" + strconv.Itoa(w) + "v1h-" + strconv.Itoa(w) + "z")
			run = -1
		}
		if !stated || v == 0 {
			continue
		}
		x, h := (yr-first)*sparkSlot+(sparkSlot-sparkBar)/2, height(v)
		top := zero - h
		if v < 0 {
			top = zero + 1
		}
		d.WriteString("M" + strconv.Itoa(x) + " " + strconv.Itoa(top) + "h" + strconv.Itoa(sparkBar) + "v" + strconv.Itoa(h) + "h-" + strconv.Itoa(sparkBar) + "z")
	}
	var b strings.Builder
	b.WriteString(`<svg class=s role=img viewBox="0 0 ` + strconv.Itoa((last-first+1)*sparkSlot) + " " + strconv.Itoa(sparkPlot+1) + `"><title>`)
	b.WriteString(template.HTMLEscapeString(chartTitle(s)))
	b.WriteString(`</title><path d="` + d.String() + `"/></svg>`)
	return template.HTML(b.String())
}
