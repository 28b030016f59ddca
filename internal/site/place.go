package site

import (
	"math"
	"sort"
	"strconv"

	"github.com/govreport/govreport/internal/archive"
)

// A place page's figures are rendered here, in Go, from what the archive
// compares (internal/archive), and spliced where the layout's partial
// place-body.html says, as a report's text is: a place of ten years states
// hundreds of figures, each a link, and the same markup made per cell in a
// template cost some 25 ms a page.

// placeMarker is where the place page's layout wants its figures.
const placeMarker = "<!--govreport:place-->"

// maxCharts is how many figures across years a place page draws as
// charts: its featured ones (standard statistical indicators), first.
const maxCharts = 8

// renderPlace returns a place page's figures across years, its targets
// beside the next year's results and its livelihood projects, as HTML.
func renderPlace(c archive.Comparison) string {
	w := htmlWriter{mark: false}
	w.series(c.Series)
	w.promises(c.Promises)
	w.projects(c.Projects)
	return w.String()
}

// series writes every figure across years in one table, a row per figure
// and a column per year, each value linking to its sentence and with its
// change from the year before, and in the row of each featured figure a
// sparkline of its values (Spark).
func (w *htmlWriter) series(ss []archive.Series) {
	if len(ss) > maxSeries {
		ss = ss[:maxSeries]
	}
	if len(ss) == 0 {
		return
	}
	years := seriesYears(ss)
	w.WriteString("<h2 id=sj>历年数据</h2><p>各年报告都写明的同一指标（实绩），逐年对照；数值链接到原句，括号内为比上年的变化；空格为当年报告未写明，<u>XX</u>为原文未公开。")
	w.WriteString(`<div class=t role=region tabindex=0 aria-label=历年数据><table class="f m"><caption>历年数据</caption><thead><tr><th scope=col>指标`)
	for _, y := range years {
		w.WriteString("<th scope=col>" + strconv.Itoa(y))
	}
	w.WriteString("<tbody>")
	charts := 0
	for _, s := range ss {
		w.WriteString("<tr><th scope=row>")
		w.esc(s.Label)
		if unit := seriesUnit(s); unit != "" {
			w.WriteString("<small>")
			w.esc(unit)
			w.WriteString("</small>")
		}
		if charts < maxCharts && s.Featured {
			if c := Spark(s, years[0], years[len(years)-1]); c != "" {
				w.WriteString(string(c))
				charts++
			}
		}
		byYear := map[int]archive.Point{}
		for _, p := range s.Points {
			byYear[p.Year] = p
		}
		for _, y := range years {
			w.WriteString("<td>")
			p, ok := byYear[y]
			if !ok {
				continue
			}
			w.WriteString("<a")
			w.attr("href", sentenceURL(p.Ref))
			w.WriteByte('>')
			if p.Value == nil {
				w.WriteString("<u>")
				w.esc(p.Indicator.Written)
				w.WriteString("</u>")
			} else {
				w.WriteString(number(*p.Value))
			}
			w.WriteString("</a>")
			if p.Change != nil {
				w.WriteString("<small>（" + change(*p.Change, s.ChangeUnit) + "）</small>")
			}
		}
	}
	w.WriteString("</table></div>")
}

// seriesUnit says what a series' values are: its unit, and for a series
// of changes that they are rates of change (增减，%), and for running totals
// that they are 累计.
func seriesUnit(s archive.Series) string {
	u := s.Unit
	switch {
	case s.Change:
		u = "增减，" + u
	case s.Cumulative:
		u = "累计，" + u
	}
	return u
}

// change writes a change from the year before: a relative change to one
// decimal (+5.2%), a difference in percentage points to two (−0.35个百分点).
func change(v float64, unit string) string {
	places := 1
	if unit != "%" {
		places = 2
	}
	r := math.Pow(10, float64(places))
	return signed(math.Round(v*r)/r) + unit
}

// seriesYears are the years any series has a point for, in order.
func seriesYears(ss []archive.Series) []int {
	seen := map[int]bool{}
	for _, s := range ss {
		for _, p := range s.Points {
			seen[p.Year] = true
		}
	}
	years := make([]int, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	sort.Ints(years)
	return years
}

// promises writes each year's targets beside the next year's results;
// targets whose next report is not in the archive yet are counted.
func (w *htmlWriter) promises(ps []archive.Promise) {
	pending := map[int]int{}
	var shown []archive.Promise
	for _, p := range ps {
		if p.Status == archive.NoNextReport {
			pending[p.Year]++
		} else {
			shown = append(shown, p)
		}
	}
	if len(ps) == 0 {
		return
	}
	w.WriteString("<h2 id=mb>目标与完成</h2>")
	for _, y := range sortedInts(pending) {
		w.WriteString("<p>" + strconv.Itoa(y-1) + "年度的报告提出" + strconv.Itoa(y) + "年目标" + strconv.Itoa(pending[y]) + "项，待" + strconv.Itoa(y) + "年度的报告收录后对照。")
	}
	if len(shown) == 0 {
		return
	}
	counts := map[archive.Status]int{}
	for _, p := range shown {
		counts[p.Status]++
	}
	w.WriteString("<p>")
	for i, st := range []archive.Status{archive.Achieved, archive.Missed, archive.NotReported, archive.NotComparable} {
		if i > 0 {
			w.WriteString("，")
		}
		w.WriteString(string(st) + strconv.Itoa(counts[st]) + "项")
	}
	w.WriteString("。")
	w.WriteString(`<div class=t role=region tabindex=0 aria-label=目标与完成><table class="f p"><caption>上一年度报告提出的目标，与下一年度报告的实绩</caption><thead><tr><th scope=col>年份<th scope=col>指标<th scope=col>目标<th scope=col>实绩<th scope=col>结果<tbody>`)
	for _, p := range shown {
		w.WriteString("<tr><td>" + strconv.Itoa(p.Year) + "<td>")
		w.esc(p.Label)
		w.WriteString("<td>")
		w.link(sentenceURL(p.Target.Ref), figureText(p.Target.Indicator))
		w.WriteString("<td>")
		if p.Result != nil {
			w.link(sentenceURL(p.Result.Ref), figureText(p.Result.Indicator))
		} else {
			w.WriteString("—")
		}
		w.WriteString("<td>" + string(p.Status))
		if p.Gap != nil {
			w.WriteString("（" + signed(*p.Gap) + p.GapUnit + "）")
		}
		if p.Note != "" {
			w.WriteString("<small>")
			w.esc(p.Note)
			w.WriteString("</small>")
		}
	}
	w.WriteString("</table></div>")
}

// projects writes the livelihood projects each report lists, and whether
// the next year's report clearly speaks of each.
func (w *htmlWriter) projects(ps []archive.Project) {
	if len(ps) == 0 {
		return
	}
	w.WriteString("<h2 id=ss>民生实事</h2><p>报告列出的下一年民生实事，及下一年度报告是否明确提到（只认确定的提法，找不到就写未找到）。<ol class=pj>")
	for _, p := range ps {
		w.WriteString("<li>")
		w.link(sentenceURL(p.Ref), strconv.Itoa(p.Year)+"年："+p.Text)
		w.WriteString(" <small>")
		if p.Mention != nil {
			w.link(sentenceURL(*p.Mention), "下年报告提到（“"+p.Phrase+"”）")
		} else {
			w.esc(string(p.Status))
		}
		w.WriteString("</small>")
	}
	w.WriteString("</ol>")
}

// link writes <a href=url>text</a>, the text escaped.
func (w *htmlWriter) link(url, text string) {
	w.WriteString("<a")
	w.attr("href", url)
	w.WriteByte('>')
	w.esc(text)
	w.WriteString("</a>")
}
