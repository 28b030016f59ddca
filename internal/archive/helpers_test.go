package archive

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/report"
)

// figRe reads a figure written for a test: an optional 增长/下降 (a
// change) or 累计, a number, XX or a range 3至5, a magnitude, a unit, and
// an optional qualifier after it.
var figRe = regexp.MustCompile(`^(增长|下降|累计)?([0-9.]+|XX)(?:至([0-9.]+))?(万亿|亿|万)?(.*?)(以上|以内|以下|左右)?$`)

// fig makes an indicator the way the extractor would for a figure written
// as s (25.6亿元, XX万元, 增长6.5%, 下降2%以上, 3至5家, 累计1200亩): an
// actual with its value, range, magnitude, base value and qualifier.
func fig(label, s string, mods ...func(*indicator.Indicator)) indicator.Indicator {
	m := figRe.FindStringSubmatch(s)
	if m == nil {
		panic("fig: cannot read " + s)
	}
	in := indicator.Indicator{Label: label, Kind: indicator.Actual, Magnitude: m[4], Unit: m[4] + m[5],
		Change: m[1] == "增长" || m[1] == "下降", Qualifier: m[6], Text: label + s}
	in.Written = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "增长"), "下降"), "累计")
	in.Written = strings.TrimSuffix(in.Written, m[6])
	if m[1] == "累计" {
		in.Qualifier = "累计"
	}
	sign := 1.0
	if m[1] == "下降" {
		sign = -1
	}
	if m[2] == "XX" {
		in.Redacted = true
	} else {
		v, _ := strconv.ParseFloat(m[2], 64)
		in.Value = ptr(sign * v)
		if m[4] != "" {
			in.Base = ptr(sign * v * magnitudes[m[4]])
		}
	}
	if m[3] != "" {
		u, _ := strconv.ParseFloat(m[3], 64)
		in.Upper = ptr(sign * u)
	}
	for _, f := range mods {
		f(&in)
	}
	return in
}

// Modifiers of fig.
func target(in *indicator.Indicator)   { in.Kind = indicator.Target }
func featured(in *indicator.Indicator) { in.Featured = true }
func forYear(y int) func(*indicator.Indicator) {
	return func(in *indicator.Indicator) { in.Year = y }
}
func text(s string) func(*indicator.Indicator) {
	return func(in *indicator.Indicator) { in.Text = s }
}

// rep makes a report of year with the indicators given, each in a block
// of its own (p1, p2, …) unless it has an anchor. Targets are for the year
// after, actuals for the year, unless they say.
func rep(slug string, year int, ins ...indicator.Indicator) Report {
	r := Report{Meta: report.Meta{Slug: slug, Year: year, Date: fmt.Sprintf("%d-01-15", year+1), Place: "青山镇"}, Doc: &report.Doc{}}
	for i, in := range ins {
		if in.Anchor == "" {
			in.Anchor = "p" + strconv.Itoa(i+1)
		}
		if in.Year == 0 {
			in.Year = year
			if in.Kind == indicator.Target {
				in.Year = year + 1
			}
		}
		r.Indicators = append(r.Indicators, in)
		r.Doc.Blocks = append(r.Doc.Blocks, report.Block{Kind: report.Paragraph, ID: in.Anchor, Text: in.Text})
	}
	return r
}

// describe writes a series in one line: key, unit, kind, then each point
// as year=value (placeholders as gap), its change, and how many other
// statements it had.
func describe(s Series) string {
	kind := "level"
	if s.Change {
		kind = "change"
	}
	if s.Cumulative {
		kind += " total"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s:", s.Key, s.Unit, kind)
	for _, p := range s.Points {
		v := "gap"
		if p.Value != nil {
			v = strconv.FormatFloat(*p.Value, 'g', -1, 64)
		}
		fmt.Fprintf(&b, " %d=%s", p.Year, v)
		if p.Change != nil {
			fmt.Fprintf(&b, "(%+.2f%s)", *p.Change, s.ChangeUnit)
		}
		if p.Others > 0 {
			fmt.Fprintf(&b, "[+%d]", p.Others)
		}
	}
	return b.String()
}

// checkRefs checks that every statement a comparison links to is in the
// report and block it names, as the report states it.
func checkRefs(t *testing.T, rs []Report, c Comparison) {
	t.Helper()
	blocks := map[Ref]string{}
	inds := map[Ref][]indicator.Indicator{}
	for _, r := range rs {
		for _, b := range r.Doc.Blocks {
			blocks[Ref{r.Meta.Slug, b.ID}] = b.Content()
		}
		for _, in := range r.Indicators {
			ref := Ref{r.Meta.Slug, in.Anchor}
			inds[ref] = append(inds[ref], in)
		}
	}
	stated := func(what string, s Statement) {
		t.Helper()
		if _, ok := blocks[s.Ref]; !ok {
			t.Errorf("%s: %s#%s is no block", what, s.Report, s.Anchor)
		}
		for _, in := range inds[s.Ref] {
			if in.Label == s.Indicator.Label && in.Written == s.Indicator.Written {
				return
			}
		}
		t.Errorf("%s: %s#%s does not state %s %s", what, s.Report, s.Anchor, s.Indicator.Label, s.Indicator.Written)
	}
	for _, s := range c.Series {
		for _, p := range s.Points {
			stated("series "+s.Key, p.Statement)
			if p.Value == nil && !p.Indicator.Redacted && p.Indicator.Upper == nil {
				t.Errorf("series %s %d: a gap that is no placeholder or range", s.Key, p.Year)
			}
			if p.Value != nil && p.Indicator.Redacted {
				t.Errorf("series %s %d: a placeholder with a value", s.Key, p.Year)
			}
			if p.Indicator.Change != s.Change {
				t.Errorf("series %s %d: a level and a change in one series", s.Key, p.Year)
			}
		}
	}
	for _, p := range c.Promises {
		stated("target "+p.Label, p.Target)
		if p.Result != nil {
			stated("result "+p.Label, *p.Result)
		}
		if (p.Gap != nil) != (p.Status == Achieved || p.Status == Missed) {
			t.Errorf("promise %s: status %s with gap %v", p.Label, p.Status, p.Gap)
		}
		if (p.Result == nil) != (p.Status == NotReported || p.Status == NoNextReport) {
			t.Errorf("promise %s: status %s with result %v", p.Label, p.Status, p.Result)
		}
	}
	for _, p := range c.Projects {
		if _, ok := blocks[p.Ref]; !ok {
			t.Errorf("project %s: %s#%s is no block", p.Text, p.Report, p.Anchor)
		}
		if p.Mention != nil {
			if _, ok := blocks[*p.Mention]; !ok {
				t.Errorf("project %s: mention %v is no block", p.Text, *p.Mention)
			}
		}
		if (p.Mention != nil) != (p.Status == Found) {
			t.Errorf("project %s: status %s with mention %v", p.Text, p.Status, p.Mention)
		}
	}
}
