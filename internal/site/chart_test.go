package site

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"flag"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/archive"
	"github.com/govreport/govreport/internal/indicator"
)

var updateCharts = flag.Bool("update-charts", false, "rewrite testdata/chart/*.svg (review them by eye)")

// pt is a point of a made-up series: a value, or a placeholder when
// written is given and v is NaN.
func pt(year int, v float64, written, unit string) archive.Point {
	p := archive.Point{Year: year}
	p.Indicator = indicator.Indicator{Written: written, Unit: unit, Redacted: v != v}
	if v == v {
		p.Value = &v
	}
	return p
}

var nan = func() float64 { z := 0.0; return z / z }()

// chartCases are made-up series of 青山镇 and 白河县 in each shape a chart
// meets.
var chartCases = []struct {
	name string
	s    archive.Series
}{
	{"level-gap", archive.Series{Label: "地区生产总值", Unit: "亿元", Points: []archive.Point{
		pt(2021, 25.6, "25.6亿元", "亿元"), pt(2022, nan, "XX亿元", "亿元"), pt(2023, 28.6, "286000万元", "万元"),
		pt(2024, 30.15, "30.15亿元", "亿元")}}},
	{"change-negative", archive.Series{Label: "固定资产投资", Unit: "%", Change: true, Points: []archive.Point{
		pt(2020, 8.2, "8.2%", "%"), pt(2021, -3.4, "3.4%", "%"), pt(2022, 1.5, "1.5%", "%"), pt(2023, -0.6, "0.6%", "%")}}},
	{"missing-year", archive.Series{Label: "家庭农场", Unit: "个", Points: []archive.Point{
		pt(2019, 58, "58个", "个"), pt(2021, 63, "63个", "个"), pt(2022, 66, "66个", "个")}}},
	{"ten-years", archive.Series{Label: "城镇常住居民人均可支配收入", Unit: "元", Points: func() []archive.Point {
		var ps []archive.Point
		for i := range 10 {
			v := 31250.0 + float64(i*i*173+i*1210)
			ps = append(ps, pt(2016+i, v, strconv.FormatFloat(v, 'f', -1, 64)+"元", "元"))
		}
		return ps
	}()}},
}

// TestChartGolden compares each chart with its golden file, reviewed by
// eye as a PNG (see testdata/chart/README).
func TestChartGolden(t *testing.T) {
	for _, tc := range chartCases {
		got := string(Chart(tc.s))
		path := filepath.Join("testdata", "chart", tc.name+".svg")
		if *updateCharts {
			if err := os.WriteFile(path, []byte(got+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update-charts and review the charts)", err)
		}
		if got+"\n" != string(want) {
			t.Errorf("%s: chart differs from %s:\n%s", tc.name, path, got)
		}
	}
}

// svgNode is an element of a chart, read back with encoding/xml.
type svgNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []svgNode  `xml:",any"`
}

func (n svgNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

var (
	barRe  = regexp.MustCompile(`M([-\d.]+) ([-\d.]+)h([\d.]+)v([\d.]+)`)
	lineRe = regexp.MustCompile(`^M[\d.]+ ([\d.]+)H[\d.]+$`)
)

// TestChartShape reads each chart back: well-formed, one bar per value, its
// height in proportion to the value and from zero, a gap for every
// placeholder, every value and year written, a title with every value.
func TestChartShape(t *testing.T) {
	for _, tc := range chartCases {
		out := string(Chart(tc.s))
		var root svgNode
		if err := xml.Unmarshal([]byte(out), &root); err != nil {
			t.Fatalf("%s: not well-formed: %v\n%s", tc.name, err, out)
		}
		if root.XMLName.Local != "svg" || root.attr("role") != "img" || root.attr("viewBox") == "" {
			t.Errorf("%s: root %v", tc.name, root.Attrs)
		}
		var title string
		var texts []string
		var bars [][]float64
		var zeroY float64 = -1
		for _, n := range root.Nodes {
			switch n.XMLName.Local {
			case "title":
				title = n.Text
			case "text":
				texts = append(texts, n.Text)
			case "path":
				if n.attr("stroke") != "" {
					if m := lineRe.FindStringSubmatch(n.attr("d")); m != nil {
						zeroY, _ = strconv.ParseFloat(m[1], 64)
					}
					continue
				}
				for _, m := range barRe.FindAllStringSubmatch(n.attr("d"), -1) {
					var f []float64
					for _, s := range m[1:] {
						v, _ := strconv.ParseFloat(s, 64)
						f = append(f, v)
					}
					bars = append(bars, f)
				}
			}
		}
		var values []float64
		for _, p := range tc.s.Points {
			if !strings.Contains(title, strconv.Itoa(p.Year)+"年") {
				t.Errorf("%s: title misses %d: %s", tc.name, p.Year, title)
			}
			if p.Value == nil {
				if !strings.Contains(title, p.Indicator.Written) || !slices.Contains(texts, "XX") {
					t.Errorf("%s: the gap of %d is not shown as written", tc.name, p.Year)
				}
				continue
			}
			values = append(values, *p.Value)
			if !strings.Contains(title, strconv.FormatFloat(*p.Value, 'f', -1, 64)) {
				t.Errorf("%s: title misses %v: %s", tc.name, *p.Value, title)
			}
			if !slices.Contains(texts, chartValue(*p.Value)) {
				t.Errorf("%s: no label %s", tc.name, chartValue(*p.Value))
			}
		}
		for y := tc.s.Points[0].Year; y <= tc.s.Points[len(tc.s.Points)-1].Year; y++ {
			if !slices.Contains(texts, strconv.Itoa(y)) {
				t.Errorf("%s: no year label %d", tc.name, y)
			}
		}
		if len(bars) != len(values) {
			t.Fatalf("%s: %d bars for %d values", tc.name, len(bars), len(values))
		}
		// Every bar touches the zero line, and heights are in proportion.
		var ratio float64
		for i, b := range bars {
			top, height := b[1], b[3]
			if values[i] >= 0 && math.Abs(top+height-zeroY) > 0.15 || values[i] < 0 && math.Abs(top-zeroY) > 0.15 {
				t.Errorf("%s: bar %d does not start at zero (%v, zero line %v)", tc.name, i, b, zeroY)
			}
			if values[i] != 0 {
				r := height / math.Abs(values[i])
				if ratio != 0 && math.Abs(r-ratio)/ratio > 0.02 {
					t.Errorf("%s: bar %d is out of proportion: %v per unit, not %v", tc.name, i, r, ratio)
				}
				ratio = r
			}
		}
	}
}

func TestChartEdges(t *testing.T) {
	allGaps := archive.Series{Label: "财政收入", Unit: "万元", Points: []archive.Point{
		pt(2021, nan, "XX万元", "万元"), pt(2022, nan, "XX万元", "万元")}}
	if got := Chart(allGaps); got != "" {
		t.Errorf("all gaps: %s", got)
	}
	if got := Chart(archive.Series{}); got != "" {
		t.Errorf("no points: %s", got)
	}
	zeros := archive.Series{Label: "新增上市企业", Unit: "家", Points: []archive.Point{pt(2021, 0, "0家", "家"), pt(2022, 0, "0家", "家")}}
	if out := string(Chart(zeros)); !strings.Contains(out, ">0</text>") || strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
		t.Errorf("all zero: %s", out)
	}
	escaped := archive.Series{Label: `税收<收入>&"`, Unit: "万元", Points: []archive.Point{pt(2021, 1, "1万元", "万元"), pt(2022, 2, "2万元", "万元")}}
	if out := string(Chart(escaped)); strings.Contains(out, "<收入>") || !strings.Contains(out, "&lt;收入&gt;&amp;") {
		t.Errorf("label not escaped: %s", out)
	}
	a, b := Chart(chartCases[0].s), Chart(chartCases[0].s)
	if a != b {
		t.Errorf("two charts of one series differ")
	}
}

// TestChartWeight: a chart of ten years stays a few hundred bytes on the
// wire, as the page-weight budget counts every byte of HTML.
func TestChartWeight(t *testing.T) {
	const budget = 700 // bytes gzipped
	for _, tc := range chartCases {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write([]byte(Chart(tc.s)))
		zw.Close()
		t.Logf("%s: %d bytes, %d gzipped", tc.name, len(Chart(tc.s)), buf.Len())
		if buf.Len() > budget {
			t.Errorf("%s: %d bytes gzipped, over %d", tc.name, buf.Len(), budget)
		}
	}
}

// TestSpark reads each sparkline back: well-formed, with a title that says
// every value; a bar per value other than zero, standing on the base line
// (or hanging below it) and as high as its value, rounded to a unit; the
// base line under every year with a value and under no other, so that a
// placeholder or a year unstated is a gap, never a zero.
func TestSpark(t *testing.T) {
	rect := regexp.MustCompile(`M(-?\d+) (-?\d+)h(\d+)v(\d+)h-\d+z`)
	for _, tc := range chartCases {
		first, last := tc.s.Points[0].Year-1, tc.s.Points[len(tc.s.Points)-1].Year // a year before the series: a gap
		out := string(Spark(tc.s, first, last))
		var root svgNode
		quoted := regexp.MustCompile(`(\w)=([^"\s>]+)`).ReplaceAllString(out, `$1="$2"`) // HTML's unquoted attributes
		if err := xml.Unmarshal([]byte(quoted), &root); err != nil {
			t.Fatalf("%s: not well-formed: %v\n%s", tc.name, err, out)
		}
		if root.attr("role") != "img" || len(root.Nodes) != 2 || root.Nodes[0].XMLName.Local != "title" || root.Nodes[1].XMLName.Local != "path" {
			t.Fatalf("%s: %s", tc.name, out)
		}
		title, d := root.Nodes[0].Text, root.Nodes[1].attr("d")
		base := map[int]bool{} // slots under the base line
		zero := -1
		type bar struct{ x, y, h int }
		var bars []bar
		for _, m := range rect.FindAllStringSubmatch(d, -1) {
			x, _ := strconv.Atoi(m[1])
			y, _ := strconv.Atoi(m[2])
			w, _ := strconv.Atoi(m[3])
			h, _ := strconv.Atoi(m[4])
			if h == 1 && w%sparkSlot == 0 { // the base line
				zero = y
				for i := x / sparkSlot; i < (x+w)/sparkSlot; i++ {
					base[first+i] = true
				}
				continue
			}
			bars = append(bars, bar{x, y, h})
		}
		var hi, lo float64
		var values []archive.Point
		for _, p := range tc.s.Points {
			if p.Value != nil {
				values = append(values, p)
				hi, lo = math.Max(hi, *p.Value), math.Min(lo, *p.Value)
			}
		}
		for y := first; y <= last; y++ {
			i := slices.IndexFunc(values, func(p archive.Point) bool { return p.Year == y })
			if base[y] != (i >= 0) {
				t.Errorf("%s: %d: base line %v, value %v", tc.name, y, base[y], i >= 0)
			}
		}
		if len(bars) != len(values) {
			t.Fatalf("%s: %d bars for %d values: %s", tc.name, len(bars), len(values), d)
		}
		for i, p := range values {
			v, b := *p.Value, bars[i]
			if !strings.Contains(title, strconv.Itoa(p.Year)+"年"+strconv.FormatFloat(v, 'f', -1, 64)) {
				t.Errorf("%s: title misses %d: %s", tc.name, p.Year, title)
			}
			if want := (p.Year-first)*sparkSlot + (sparkSlot-sparkBar)/2; b.x != want {
				t.Errorf("%s: bar of %d at %d, not %d", tc.name, p.Year, b.x, want)
			}
			if v >= 0 && b.y+b.h != zero || v < 0 && b.y != zero+1 {
				t.Errorf("%s: bar of %d does not start at zero (%v, zero %d)", tc.name, p.Year, b, zero)
			}
			if want := math.Abs(v) / (hi - lo) * sparkPlot; math.Abs(float64(b.h)-want) > 1 {
				t.Errorf("%s: bar of %d is %d high, not %.1f", tc.name, p.Year, b.h, want)
			}
		}
	}
	allGaps := archive.Series{Label: "财政收入", Unit: "万元", Points: []archive.Point{pt(2021, nan, "XX万元", "万元")}}
	if got := Spark(allGaps, 2021, 2021); got != "" {
		t.Errorf("all gaps: %s", got)
	}
}
