package site

// Tests of the 一图读懂 page (tu.go): built with the seed, the page-test
// fixture and testdata/tu.txtar (a made-up 青山镇 report with every case
// the page handles), and checked against the indicator data the build
// wrote; and the rules that decide what a section shows, on small made-up
// reports.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/testcorpus"
	"github.com/govreport/govreport/internal/typo"
)

const tuSlug = "2023-qs-zhen" // testdata/tu.txtar

func tuFixture(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "tu.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// shownFigure is a number the page shows, and where.
type shownFigure struct {
	text, label, href string
	node              *html.Node // the <b> of a card or a listed count, or a chart value's <tspan>
	chart             bool
}

// shownFigures returns every number in the picture: each card's <b>s, with
// the card's label, each listed count's, and each chart row's value, with
// the row's label.
func shownFigures(tu *html.Node) []shownFigure {
	var out []shownFigure
	for _, a := range all(tu, elem(atom.A)) {
		href := attr(a, "href")
		if a.Parent != nil && is(a.Parent, atom.Li) && (hasClass(a.Parent.Parent, "n") || hasClass(a.Parent.Parent, "l")) {
			label := ""
			for c := a.FirstChild; c != nil && c.Type == html.TextNode; c = c.NextSibling {
				label += c.Data
			}
			for _, b := range all(a, elem(atom.B)) {
				out = append(out, shownFigure{text: textOf(b), label: label, href: href, node: b})
			}
			continue
		}
		if a.Namespace == "svg" {
			if label, value := chartRow(a); value != nil {
				out = append(out, shownFigure{text: textOf(value), label: label, href: href, node: value, chart: true})
			}
		}
	}
	return out
}

// chartRow reads a chart's row, a link: its label (the text of its
// <text>) and the <tspan> of its value; value is nil when the row is not
// so.
func chartRow(a *html.Node) (label string, value *html.Node) {
	texts, spans := svgElems(a, "text"), svgElems(a, "tspan")
	if len(texts) != 1 || len(spans) != 1 || spans[0].Parent != texts[0] {
		return "", nil
	}
	for c := texts[0].FirstChild; c != nil && c.Type == html.TextNode; c = c.NextSibling {
		label += c.Data
	}
	return label, spans[0]
}

// svgElems returns the SVG elements named name under n.
func svgElems(n *html.Node, name string) []*html.Node {
	return all(n, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Namespace == "svg" && n.Data == name })
}

// numberRE splits a figure as shown: words, the number (digits, or
// Chinese numerals), the rest.
var numberRE = regexp.MustCompile(`^((?:\d{4}年)?\D*?)([0-9][0-9.,]*(?:[-~至—–－][0-9.,]+)?|[〇零一二两三四五六七八九十百千]+)(.*)$`)

// chineseNumerals are the values of the digits a report writes in words.
var chineseNumerals = map[rune]float64{'〇': 0, '零': 0, '一': 1, '两': 2, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// chineseNumber reads a number written in words below ten thousand (十二,
// 二十, 三百零五); 0 when it cannot.
func chineseNumber(s string) float64 {
	total, digit := 0.0, -1.0
	for _, r := range s {
		if v, ok := chineseNumerals[r]; ok {
			digit = v
			continue
		}
		place := map[rune]float64{'十': 10, '百': 100, '千': 1000}[r]
		if place == 0 {
			return 0
		}
		if digit < 0 {
			digit = 1 // 十二: one ten
		}
		total, digit = total+digit*place, -1
	}
	if digit > 0 {
		total += digit
	}
	return total
}

// matches reports whether a number shown says what the indicator in says:
// its value (and the top of a range), the direction of a change, its unit
// and the year when it is not the report's.
func matches(f shownFigure, in indicator.Indicator, year int) bool {
	m := numberRE.FindStringSubmatch(f.text)
	if m == nil || in.Redacted || in.Value == nil {
		return false
	}
	pre, num, post := m[1], m[2], m[3]
	lo, hi, _ := strings.Cut(strings.NewReplacer("~", "-", "至", "-", "—", "-", "–", "-", "－", "-").Replace(strings.ReplaceAll(num, ",", "")), "-")
	v, err := strconv.ParseFloat(lo, 64)
	if err != nil {
		if v = chineseNumber(lo); v == 0 {
			return false
		}
	}
	want := *in.Value
	if in.Change && want < 0 {
		want = -want
		if !strings.Contains(pre, "下降") {
			return false
		}
	}
	if v != want || (hi != "") != (in.Upper != nil) {
		return false
	}
	if hi != "" {
		if u, err := strconv.ParseFloat(hi, 64); err != nil || u != *in.Upper {
			return false
		}
	}
	if (in.Year != 0 && in.Year != year) != strings.Contains(pre, strconv.Itoa(in.Year)+"年") {
		return false
	}
	// The unit, maybe with 多 or 余 inside (5万余个 in 万个).
	return strings.Contains(strings.NewReplacer("多", "", "余", "").Replace(post), in.Unit)
}

// TestTuPage checks every 一图读懂 page of a built site against the
// indicator data: each number exists, with its value and unit, links to the
// sentence that states it, and is shown once; no placeholder is a number,
// and the note counts them; targets stand apart; featured figures come
// first; charts have a text alternative with every value.
func TestTuPage(t *testing.T) {
	root := newProject(t, fixture(t), tuFixture(t))
	pub := buildSite(t, root, publicURL)
	pages := loadPages(t, pub)
	for _, slug := range []string{seedSlug, fixSlug, tuSlug} {
		t.Run(slug, func(t *testing.T) { checkTuPage(t, root, pages, slug) })
	}
	t.Run("青山镇", func(t *testing.T) { checkQingshan(t, pages["reports/"+tuSlug+"/tu.html"]) })

	// Its own style sheet, which only it loads, beside the site's (the
	// site-wide budget is TestPageWeight's): at most tuCSSBudget gzipped.
	w := pageWeight(t, pub, pages["reports/"+seedSlug+"/tu.html"])
	for name, size := range w.assets {
		t.Logf("%s: %d B gzip", name, size)
		if strings.HasSuffix(name, "/tu.min.css") && size > tuCSSBudget {
			t.Errorf("%s: %d B gzip > %d", name, size, tuCSSBudget)
		}
	}
}

// checkTuPage checks a report's 一图读懂 against the indicator data the
// build wrote in root: each number exists, with its value and unit, links
// to the sentence that states it, and is shown once; no placeholder is a
// number, and the note counts them; targets stand apart; featured figures
// come first; charts have a text alternative with every value.
func checkTuPage(t *testing.T, root string, pages map[string]*htmlPage, slug string) {
	pg, rp := pages["reports/"+slug+"/tu.html"], pages["reports/"+slug+".html"]
	if pg == nil || rp == nil {
		t.Fatalf("no tu.html or report page for %s; pages %v", slug, keys(pages))
	}
	data, err := os.ReadFile(filepath.Join(root, "data", "indicators", slug+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var ins []indicator.Indicator
	if err := json.Unmarshal(data, &ins); err != nil {
		t.Fatal(err)
	}
	year := 0
	if m := regexp.MustCompile(`^(\d{4})-`).FindStringSubmatch(slug); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	tu := pg.ids["tu"]
	if tu == nil {
		t.Fatal("no #tu")
	}
	checkTuFrame(t, pg, rp, tu)
	used := map[int]bool{}
	for _, f := range shownFigures(tu) {
		anchor, ok := strings.CutPrefix(f.href, "../"+slug+".html#")
		if !ok || rp.ids[anchor] == nil {
			t.Errorf("%s %s links to %s: not a sentence of the report", f.label, f.text, f.href)
			continue
		}
		if len(typo.Placeholders(f.text)) > 0 {
			t.Errorf("%s %s: a placeholder shown as a number", f.label, f.text)
		}
		// The year a figure is for unless it says another: the
		// report's, or a target list's (2024年目标).
		listYear := year
		if l := targetLabel(f.node); l != nil {
			listYear, _ = strconv.Atoi(strings.TrimSuffix(textOf(l), "年目标"))
		}
		found := -1
		for i, in := range ins {
			label := strings.TrimSuffix(f.label, "…")
			if !used[i] && in.Anchor == anchor && strings.HasPrefix(in.Label, label) && label != "" && matches(f, in, listYear) {
				found = i
				break
			}
		}
		if found < 0 {
			t.Errorf("%s %s (→ #%s): no such figure in the indicator data", f.label, f.text, anchor)
			continue
		}
		used[found] = true
		in := ins[found]
		inTargets := within(f.node, ancestorWith(f.node, atom.Ul, "t")) || within(f.node, ancestorWith(f.node, atom.Figure, "t"))
		if (in.Kind == indicator.Target) != inTargets {
			t.Errorf("%s %s (%s) in a target list: %v", f.label, f.text, in.Kind, inTargets)
		}
	}
	redacted := 0
	for _, in := range ins {
		if in.Redacted {
			redacted++
		}
	}
	note := textOf(first(tu, class("tn")))
	if want := fmt.Sprintf("列出其中%d项数据", len(used)); len(used) > 0 && !strings.Contains(note, want) {
		t.Errorf("note %q; want %s", note, want)
	}
	if want := fmt.Sprintf("另有%d项数值原文未公开", redacted); (redacted > 0) != strings.Contains(note, want) {
		t.Errorf("note %q; %d placeholders", note, redacted)
	}
	checkTuLists(t, tu, ins, slug)
	checkTuCaptions(t, tu, rp, slug)
	checkTuCharts(t, tu)
	t.Logf("%s: %d of %d figures shown, %d placeholders", slug, len(used), len(ins), redacted)
}

// tuCSSBudget is the most the 一图读懂's own style sheet may weigh, gzipped:
// with the site's (about 1.5 KiB) the page loads at most about 2.25 KiB.
const tuCSSBudget = 768

// checkTuFrame: the title and year at the top, the source line at the
// bottom, links back to the report, the PNG's slot.
func checkTuFrame(t *testing.T, pg, rp *htmlPage, tu *html.Node) {
	t.Helper()
	title := textOf(first(rp.doc, elem(atom.H1)))
	hd := first(tu, class("hd"))
	if hd == nil || textOf(first(hd, elem(atom.H1))) != title || !strings.Contains(textOf(hd), "一图读懂") {
		t.Errorf("title band %q, want 一图读懂 and %q", textOf(hd), title)
	}
	src := first(tu, class("src"))
	if src == nil || !strings.HasPrefix(textOf(src), "本图数据来自《"+title+"》") || src.Parent != tu || src.NextSibling != nil && src.NextSibling.Type == html.ElementNode {
		t.Errorf("source line %q is not the picture's last line", textOf(src))
	}
	back := first(first(pg.doc, class("tl")), elem(atom.A))
	if back == nil || resolve(pg.rel, attr(back, "href")) != rp.rel {
		t.Errorf("first link %v, want back to the report %s", attr(back, "href"), rp.rel)
	}
	if pg.ids["png"] == nil || !is(pg.ids["png"], atom.Span) {
		t.Error(`no <span id="png"> for the picture's download`)
	}
	if title := textOf(first(pg.doc, elem(atom.Title))); !strings.HasPrefix(title, "一图读懂：") {
		t.Errorf("<title>%s</title>", title)
	}
}

// resolve returns the site path a relative link on the page at rel leads to.
func resolve(rel, href string) string {
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix((&url.URL{Path: "/" + rel}).ResolveReference(u).Path, "/")
}

// checkTuLists: featured cards first in each list; every target list is
// labelled (…年目标) and drawn apart.
func checkTuLists(t *testing.T, tu *html.Node, ins []indicator.Indicator, slug string) {
	t.Helper()
	featured := map[string]bool{} // label and anchor of a featured figure
	for _, in := range ins {
		if in.Featured && !in.Redacted {
			featured[in.Label+"#"+in.Anchor] = true
		}
	}
	for _, ul := range all(tu, class("n")) {
		seenOther := false
		for _, li := range all(ul, elem(atom.Li)) {
			a := first(li, elem(atom.A))
			f := featured[strings.TrimSpace(a.FirstChild.Data)+"#"+strings.TrimPrefix(attr(a, "href"), "../"+slug+".html#")]
			if f && seenOther {
				t.Errorf("featured %s after others", textOf(a))
			}
			seenOther = seenOther || !f
		}
		if hasClass(ul, "t") {
			prev := ul.PrevSibling
			if prev == nil || !hasClass(prev, "g") || !strings.HasSuffix(textOf(prev), "目标") {
				t.Errorf("target list %s not labelled", textOf(ul))
			}
		}
	}
}

// checkTuCaptions: the words under a card's or a listed count's numbers
// (the text after its link) are the report's, word for word, from the
// sentence the link leads to: clauses of at most tuCaption characters.
func checkTuCaptions(t *testing.T, tu *html.Node, rp *htmlPage, slug string) {
	t.Helper()
	n := 0
	for _, li := range all(tu, elem(atom.Li)) {
		a := first(li, elem(atom.A))
		if a == nil || a.Parent != li || !hasClass(li.Parent, "n") && !hasClass(li.Parent, "l") {
			continue
		}
		caption := ""
		for c := a.NextSibling; c != nil && c.Type == html.TextNode; c = c.NextSibling {
			caption += c.Data
		}
		if caption == "" {
			continue
		}
		sentence := rp.ids[strings.TrimPrefix(attr(a, "href"), "../"+slug+".html#")]
		for clause := range strings.SplitSeq(caption, "；") {
			n++
			if utf8.RuneCountInString(clause) > tuCaption || sentence == nil || !strings.Contains(textOf(sentence), clause) {
				t.Errorf("%s: caption %q is not a clause of its sentence of at most %d characters", textOf(a), clause, tuCaption)
			}
		}
	}
	t.Logf("%d captions", n)
}

// checkTuCharts: each chart is a figure with a caption, and an SVG whose
// title (its text alternative) says every row's label and value; its bars
// take the page's colours.
func checkTuCharts(t *testing.T, tu *html.Node) {
	t.Helper()
	for _, fig := range all(tu, elem(atom.Figure)) {
		svg := first(fig, elem(atom.Svg))
		if svg == nil || first(fig, elem(atom.Figcaption)) == nil {
			t.Errorf("figure without chart or caption: %s", textOf(fig))
			continue
		}
		title := first(svg, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "title" })
		if title == nil || title.Parent != svg {
			t.Errorf("chart without a <title>: %s", textOf(fig))
			continue
		}
		if hasClass(svg, "chart") {
			continue // a figure across years (site.Chart: chart_test.go)
		}
		rows := all(svg, elem(atom.A))
		if len(rows) == 0 {
			t.Errorf("chart without rows: %s", textOf(fig))
		}
		for _, a := range rows {
			label, value := chartRow(a)
			if value == nil || !strings.Contains(textOf(title), strings.TrimSuffix(label, "…")) || !strings.Contains(textOf(title), textOf(value)) {
				t.Errorf("chart title %q lacks the row %s", textOf(title), textOf(a))
			}
		}
		// One path for the bars, one for a whole's frames: a subpath a row.
		paths := svgElems(svg, "path")
		if len(paths) == 0 || len(paths) > 2 || strings.Count(attr(paths[0], "d"), "z") != len(rows) {
			t.Errorf("chart of %d rows drawn with %d paths (%q)", len(rows), len(paths), attr(paths[0], "d"))
		}
		for _, n := range all(svg, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
			if has(n, "fill") && attr(n, "fill") != "none" && attr(n, "fill") != "currentColor" {
				t.Errorf("chart colour %s=%s: the bars take the page's colours (tu.css), so high contrast swaps them", n.Data, attr(n, "fill"))
			}
		}
	}
}

// checkQingshan checks what the made-up report's picture must show, case
// by case (testdata/tu.txtar).
func checkQingshan(t *testing.T, pg *htmlPage) {
	tu := pg.ids["tu"]
	card := func(label string) *html.Node { return cardIn(tu, label) }
	targetCard := func(label string) *html.Node {
		for _, ul := range all(tu, class("t")) {
			if c := cardIn(ul, label); c != nil {
				return c
			}
		}
		return nil
	}
	text := textOf(tu)
	// A whole and its parts: the bars inside the whole's card.
	if c := card("财政收入"); c == nil || !hasClass(c, "w") || !strings.Contains(svgText(c), "税收收入3800万元") || !strings.Contains(svgText(c), "非税收入1200万元") {
		t.Errorf("财政收入 and its parts: %v", c != nil && hasClass(c, "w"))
	}
	// A target whole and its part.
	if c := targetCard("总投资"); c == nil || !strings.Contains(svgText(c), "新开工项目1.2亿元") {
		t.Error("总投资 (a target) and its part 新开工项目")
	}
	// Parts that add up to more than the whole, a 其中 in the next sentence:
	// not drawn as parts.
	for _, l := range []string{"粮食播种面积", "农业总产值"} {
		if strings.Contains(text, "整条为"+l) {
			t.Errorf("%s drawn as a whole with parts", l)
		}
	}
	// Featured first: 地区生产总值 before 新增市场主体, which the text names first.
	if i, j := strings.Index(text, "地区生产总值"), strings.Index(text, "新增市场主体"); i < 0 || j < 0 || i > j {
		t.Errorf("featured 地区生产总值 (%d) not before 新增市场主体 (%d)", i, j)
	}
	// A figure of another year says so; a change down says 下降; a range is one number.
	for _, want := range []string{"2020年53.2%", "57.7%", "下降3.5%", "3至5个", "2024年目标", "增长7%左右"} {
		if !strings.Contains(text, want) {
			t.Errorf("picture lacks %s", want)
		}
	}
	// A figure the text wrote without its unit is left out and counted.
	if strings.Contains(text, "18.3") {
		t.Error("a figure without its unit is shown")
	}
	// Counts of one unit: those of one kind (学位) in a chart, the others
	// listed without bars, at most tuBars, the rest cards.
	var charts []string
	for _, fig := range all(tu, elem(atom.Figure)) {
		if c := textOf(first(fig, elem(atom.Figcaption))); strings.Contains(c, "单位：个") {
			charts = append(charts, c+" "+svgText(fig))
		}
	}
	if len(charts) != 1 || !strings.HasPrefix(charts[0], "学位对比") || !strings.Contains(charts[0], "新增幼儿园学位400个；小学学位300个；初中学位200个。") {
		t.Errorf("charts of counts in 个: %q; want one of the three 学位", charts)
	}
	var listed []string
	for _, ul := range all(tu, class("l")) {
		if strings.Contains(textOf(ul), "卫生室") {
			for _, li := range all(ul, elem(atom.Li)) {
				listed = append(listed, textOf(first(li, elem(atom.A))))
			}
			// The clause that lists them, once, under the first.
			if want := "新建村级卫生室4个、农家书屋12个、文化广场7个、养老服务站3个"; strings.Count(textOf(ul), want) != 1 || !strings.HasSuffix(textOf(first(ul, elem(atom.Li))), want) {
				t.Errorf("listed counts %q: want their clause once, under the first", textOf(ul))
			}
		}
	}
	if len(listed) != tuBars || listed[0] != "新建村级卫生室4个" || slices.Contains(listed, "新增垃圾屋10个") {
		t.Errorf("listed counts %q; want %d from 新建村级卫生室 on, not 新增垃圾屋", listed, tuBars)
	}
	// A section with more than it shows says how many more, and links the report there.
	var more []string
	for _, m := range all(tu, class("m")) {
		more = append(more, textOf(m)+" → "+attr(first(m, elem(atom.A)), "href"))
	}
	if !slices.ContainsFunc(more, func(s string) bool {
		return strings.Contains(s, "本节另有") && strings.HasSuffix(s, "#s1-2")
	}) {
		t.Errorf("no note of the figures （二） leaves out: %q", more)
	}
}

// targetLabel returns the label (…年目标) of the target list or chart n is in,
// or nil.
func targetLabel(n *html.Node) *html.Node {
	for _, list := range []*html.Node{ancestorWith(n, atom.Ul, "t"), ancestorWith(n, atom.Figure, "t")} {
		for p := list; p != nil; p = p.PrevSibling {
			if hasClass(p, "g") {
				return p
			}
		}
	}
	return nil
}

// svgText is the text of the first chart under n, or "".
func svgText(n *html.Node) string {
	if n == nil {
		return ""
	}
	if svg := first(n, elem(atom.Svg)); svg != nil {
		return textOf(svg)
	}
	return ""
}

// cardIn returns the card under n whose label is label, or nil.
func cardIn(n *html.Node, label string) *html.Node {
	for _, li := range all(n, elem(atom.Li)) {
		if a := first(li, elem(atom.A)); a != nil && a.FirstChild != nil && a.FirstChild.Data == label {
			return li
		}
	}
	return nil
}

// ancestorWith returns the nearest ancestor of n of kind a with class c, or nil.
func ancestorWith(n *html.Node, a atom.Atom, c string) *html.Node {
	for n = n.Parent; n != nil; n = n.Parent {
		if is(n, a) && hasClass(n, c) {
			return n
		}
	}
	return nil
}

// ---- the rules, on small made-up reports

// tuDoc parses a made-up report's body under a title and returns it with
// its figures.
func tuDoc(t testing.TB, body string) (*report.Doc, []indicator.Indicator) {
	t.Helper()
	src := "+++\ntitle = \"2023年白河县政府工作报告\"\nyear = 2023\nslug = \"2023-bh-xian\"\n+++\n\n" + body
	doc, err := markdown.Parse("index.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	outline.Review(doc) // anchors, as the build gives them
	return doc, indicator.Extract(doc)
}

func TestTuPartsOfWholes(t *testing.T) {
	for _, c := range []struct {
		name, text string
		whole      string   // the label of the whole, "" for none
		parts      []string // the labels of its parts
	}{
		{"parts", "全年完成财政收入5000万元，其中税收收入3800万元、非税收入1200万元。", "财政收入", []string{"税收收入", "非税收入"}},
		{"one part", "全年完成财政收入5000万元，其中税收收入3800万元。", "财政收入", []string{"税收收入"}},
		{"another magnitude", "全年完成财政收入1.2亿元，其中税收收入8000万元。", "财政收入", []string{"税收收入"}},
		{"parts end with the sentence", "全年完成财政收入5000万元，其中税收收入3800万元；固定资产投资1000万元。", "财政收入", []string{"税收收入"}},
		{"then another figure", "力争完成6200亩高标准农田建设，其中潘庄村3800亩、卜林村2400亩，总投资1700万元。", "高标准农田建设", []string{"潘庄村", "卜林村"}},
		{"more than the whole", "粮食播种面积8.6万亩，其中水稻5万亩、小麦6万亩。", "", nil},
		{"in the next sentence", "农业总产值9000万元。其中特色种植4500万元。", "", nil},
		{"another unit", "新建道路12公里，其中硬化道路3000米。", "", nil},
		{"a placeholder part", "全年完成财政收入5000万元，其中税收收入XX万元、非税收入1200万元。", "", nil},
		{"no 其中", "全年完成财政收入5000万元，税收收入3800万元。", "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, ins := tuDoc(t, "## 一、2023年工作回顾\n\n"+c.text+"\n")
			p := planTu(doc, ins)
			whole, parts := "", []string(nil)
			for _, g := range p.groups {
				for _, cd := range append(g.results.cards, g.targets.cards...) {
					if cd.parts != nil {
						whole = ins[cd.parts.whole].Label
						for _, i := range cd.parts.rows {
							parts = append(parts, ins[i].Label)
						}
					}
				}
			}
			if whole != c.whole || !slices.Equal(parts, c.parts) {
				t.Errorf("whole %q parts %q; want %q %q", whole, parts, c.whole, c.parts)
			}
		})
	}
}

// TestTuComparisons: counts of one unit and of one kind of thing (their
// labels end alike) that one paragraph lists, tuMinBars or more, make a
// chart, at most tuBars bars; the other counts of a unit that has
// tuMinBars or more are listed without bars, at most tuBars.
func TestTuComparisons(t *testing.T) {
	for _, c := range []struct {
		name, text string
		bars       int // bars of the one chart; 0: no chart
		listed     int // counts listed without bars
	}{
		{"three of a kind", "新建村卫生室4个、社区卫生室12个、中心卫生室7个。", 3, 0},
		{"three counts of different things", "新建卫生室4个、书屋12个、广场7个。", 0, 3},
		{"a kind and others", "新建村卫生室4个、社区卫生室12个、中心卫生室7个、书屋5个、广场2个。", 3, 2},
		{"two of a kind", "新建村卫生室4个、社区卫生室12个、书屋5个。", 0, 3},
		{"of a kind in two paragraphs", "新建村卫生室4个、社区卫生室12个。\n\n新建中心卫生室7个。", 0, 3},
		{"two counts", "新建卫生室4个、书屋12个。", 0, 0},
		{"units differ", "新建村卫生室4个、社区卫生室12座、中心卫生室7处。", 0, 0},
		{"a year's and added up", "新建村卫生室4个、社区卫生室12个，累计建成中心卫生室7个。", 0, 3},
		{"rates are not counts", "优良天数比例87.2%，水质达标率90.4%，森林覆盖率45.1%。", 0, 0},
		{"changes are not counts", "产值增长5%，投资增长6%，消费增长7%。", 0, 0},
		{"ends that are not words", "覆盖县（市）4个、区（市）12个、镇（市）7个。", 0, 3},
		{"at most tuBars", "新建甲村卫生室4个、乙村卫生室12个、丙村卫生室7个、丁村卫生室5个、戊村卫生室9个、己村卫生室10个、庚村卫生室15个、辛村卫生室8个、壬村卫生室3个。", tuBars, 1},
		{"at most tuBars listed", "新建卫生室4个、书屋12个、广场7个、站台5个、公厕9个、垃圾屋10个、车位150个、充电桩80个、驿站3个。", 0, tuBars},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, ins := tuDoc(t, "## 一、2023年工作回顾\n\n"+c.text+"\n")
			p := planTu(doc, ins)
			var charts []tuChart
			listed := 0
			for _, g := range p.groups {
				charts = append(charts, g.results.charts...)
				listed += len(g.results.others)
			}
			got := 0
			if len(charts) > 0 {
				got = len(charts[0].rows)
			}
			if len(charts) > 1 || got != c.bars || listed != c.listed {
				t.Errorf("%d charts, %d bars, %d listed; want %d bars, %d listed", len(charts), got, listed, c.bars, c.listed)
			}
		})
	}
}

func TestTuHead(t *testing.T) {
	for _, c := range []struct{ label, want string }{
		{"新增专精特新中小企业", "企业"}, {"企业", "企业"}, {"县", ""}, {"县（市）", ""}, {"B1号楼", "号楼"}, {"2号", ""}, {"A1", ""}, {"", ""},
	} {
		if got := tuHead(c.label); got != c.want {
			t.Errorf("tuHead(%q) = %q, want %q", c.label, got, c.want)
		}
	}
}

// TestTuLimits: a list shows at most tuCards cards, featured first, and a
// section counts what it leaves out; placeholders are counted apart and
// never shown.
func TestTuLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("## 一、2023年工作回顾\n\n")
	units := []string{"户", "座", "处", "套", "台", "名", "项", "家", "条", "所"}
	for i, u := range units {
		fmt.Fprintf(&b, "新增第%s类设施%d%s，", "甲乙丙丁戊己庚辛壬癸"[i*3:i*3+3], 10+i, u)
	}
	b.WriteString("地区生产总值12.5亿元，财政收入XX万元。\n")
	doc, ins := tuDoc(t, b.String())
	p := planTu(doc, ins)
	g := p.groups[len(p.groups)-1] // the part; before it, the text before the first heading
	if g.level != 2 || len(g.results.cards) != tuCards {
		t.Fatalf("%d groups, %d cards; want the part and %d", len(p.groups), len(g.results.cards), tuCards)
	}
	if first := g.results.cards[0]; ins[first.figs[0]].Label != "地区生产总值" {
		t.Errorf("first card %s, want the featured 地区生产总值", ins[first.figs[0]].Label)
	}
	if g.redacted != 1 || g.more != len(units)+1-tuCards || p.shown != tuCards {
		t.Errorf("redacted %d, more %d, shown %d; want 1, %d, %d", g.redacted, g.more, p.shown, len(units)+1-tuCards, tuCards)
	}
	out := renderTu(doc, ins, nil)
	if strings.Contains(out, "XX") && !strings.Contains(out, "写作XX等") || !strings.Contains(out, "本节另有5项数据、1项未公开的数值") {
		t.Errorf("notes: %s", out)
	}
}

func TestTuParts(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	for _, c := range []struct {
		in             indicator.Indicator
		pre, num, post string
	}{
		{indicator.Indicator{Written: "4.2万亩", Value: f(4.2), Unit: "万亩"}, "", "4.2", "万亩"},
		{indicator.Indicator{Written: "1100多万元", Value: f(1100), Unit: "万元", Qualifier: "多"}, "", "1100", "多万元"},
		{indicator.Indicator{Written: "20.56%", Value: f(20.56), Unit: "%", Change: true}, "增长", "20.56", "%"},
		{indicator.Indicator{Written: "3.5%", Value: f(-3.5), Unit: "%", Change: true}, "下降", "3.5", "%"},
		{indicator.Indicator{Written: "7%", Value: f(7), Unit: "%", Change: true, Qualifier: "左右"}, "增长", "7", "%左右"},
		{indicator.Indicator{Written: "13400亩", Value: f(13400), Unit: "亩", Qualifier: "累计"}, "累计", "13400", "亩"},
		{indicator.Indicator{Written: "3至5个", Value: f(3), Upper: f(5), Unit: "个"}, "", "3至5", "个"},
		{indicator.Indicator{Written: "两批", Value: f(2), Unit: "批"}, "", "两", "批"},
		{indicator.Indicator{Written: "1亿千瓦", Value: f(1), Unit: "亿千瓦"}, "", "1", "亿千瓦"},
		{indicator.Indicator{Written: "1,200人", Value: f(1200), Unit: "人"}, "", "1,200", "人"},
		{indicator.Indicator{Written: "近10%", Value: f(10), Unit: "%", Qualifier: "近"}, "近", "10", "%"},
		{indicator.Indicator{Written: "4.5%—5%", Value: f(4.5), Upper: f(5), Unit: "%", Change: true}, "增长", "4.5—5", "%"},
		{indicator.Indicator{Written: "3万吨-3.5万吨", Value: f(3), Upper: f(3.5), Unit: "万吨"}, "", "3-3.5", "万吨"},
	} {
		pre, num, post := tuParts(c.in)
		if pre != c.pre || num != c.num || post != c.post {
			t.Errorf("%s: %q %q %q; want %q %q %q", c.in.Written, pre, num, post, c.pre, c.num, c.post)
		}
	}
}

// TestTuPrevious: where the archive gives the same figure the year before,
// it stands beside the number, linked to its sentence, with the change.
func TestTuPrevious(t *testing.T) {
	doc, ins := tuDoc(t, "## 一、2023年工作回顾\n\n完成地区生产总值12.5亿元，同比增长6.1%。\n")
	if len(ins) != 2 {
		t.Fatalf("%d figures", len(ins))
	}
	up, down := 5.94285714286, -0.4
	for _, c := range []struct {
		prev tuPrev
		want string
	}{
		{tuPrev{Year: 2022, Written: "11.8亿元", Href: "../2022-bh-xian.html#s1-p1", Change: &up, ChangeUnit: "%"},
			`<small class=p>2022年：<a href=../2022-bh-xian.html#s1-p1>11.8亿元</a>，增长5.9%</small>`},
		{tuPrev{Year: 2022, Written: "增长6.5%", Href: "../2022-bh-xian.html#s1-p2", Change: &down, ChangeUnit: "个百分点"},
			`<small class=p>2022年：<a href=../2022-bh-xian.html#s1-p2>增长6.5%</a>，降低0.4个百分点</small>`},
		{tuPrev{Year: 2022, Written: "XX亿元", Href: "../2022-bh-xian.html#s1-p1"},
			`<small class=p>2022年：<a href=../2022-bh-xian.html#s1-p1>XX亿元</a></small>`},
	} {
		out := renderTu(doc, ins, map[int]tuPrev{0: c.prev})
		if !strings.Contains(out, c.want) {
			t.Errorf("want %s in\n%s", c.want, out)
		}
		if strings.Count(out, "<small class=p>") != 1 {
			t.Errorf("the year before shown %d times", strings.Count(out, "<small class=p>"))
		}
	}
}

// BenchmarkRenderTu is the 一图读懂 of the seed report, from its document
// model and figures: the work the build adds per report.
func BenchmarkRenderTu(b *testing.B) {
	root := seedRoot(b)
	data, err := os.ReadFile(filepath.Join(root, "content", "reports", seedSlug, "index.md"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := markdown.Parse("index.md", data)
	if err != nil {
		b.Fatal(err)
	}
	ins := indicator.Extract(doc)
	b.ReportAllocs()
	for b.Loop() {
		_ = renderTu(doc, ins, nil)
	}
}

// TestTuArchive: a place's reports of three years. The newest one's
// 一图读懂 shows each figure the archive has for the year before beside
// it, linked to that report's sentence, with the change, and a featured
// figure's chart across the years; when the year before's report changes,
// the next build makes the page again (its key holds what it takes from
// other reports).
func TestTuArchive(t *testing.T) {
	var files strings.Builder
	gdp := map[int]string{2021: "10", 2022: "11", 2023: "12.1"}
	for _, y := range []int{2021, 2022, 2023} {
		fmt.Fprintf(&files, "-- content/reports/%d-bh-xian/index.md --\n+++\ntitle = \"%d年白河县政府工作报告\"\ndate = %d-02-01\nyear = %d\nplace = \"白河县\"\nslug = \"%d-bh-xian\"\n+++\n\n", y, y, y+1, y, y)
		fmt.Fprintf(&files, "## 一、%d年工作回顾 {#s1}\n\n全县完成地区生产总值%s亿元，城镇新增就业%d人。\n{#s1-p1}\n\n", y, gdp[y], 300+y-2021)
	}
	root := writeTxtar(t, files.String())
	if err := testcorpus.Project(root, false); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	build := func() string {
		t.Helper()
		if err := Build(context.Background(), BuildOptions{Root: root, Out: out, Logf: t.Logf}); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(out, "reports", "2023-bh-xian", "tu.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	page := build()
	for _, want := range []string{
		`<small class=p>2022年：<a href=../2022-bh-xian.html#s1-p1>11亿元</a>，增长10%</small>`,
		`<small class=p>2022年：<a href=../2022-bh-xian.html#s1-p1>301人</a>，增长0.3%</small>`,
		`<title>地区生产总值，单位亿元：2021年10；2022年11；2023年12.1。</title>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("2023's 一图读懂 lacks %s", want)
		}
	}
	if strings.Count(page, `class="chart"`) != 1 {
		t.Errorf("%d charts across years, want 1 (the featured 地区生产总值)", strings.Count(page, `class="chart"`))
	}
	if first, _ := os.ReadFile(filepath.Join(out, "reports", "2021-bh-xian", "tu.html")); strings.Contains(string(first), "class=p>") {
		t.Error("the first year has a year before")
	}
	// The year before's report changes: 2023's page follows.
	p := filepath.Join(root, "content", "reports", "2022-bh-xian", "index.md")
	data, _ := os.ReadFile(p)
	mustWrite(t, p, []byte(strings.Replace(string(data), "地区生产总值11亿元", "地区生产总值11.5亿元", 1)))
	if page = build(); !strings.Contains(page, `<a href=../2022-bh-xian.html#s1-p1>11.5亿元</a>，增长5.2%`) {
		t.Errorf("after 2022's report changed, 2023's 一图读懂 still says: %s", page[strings.Index(page, "<small class=p>"):][:120])
	}
}

// bundledSite builds the reports the repository bundles (content/reports:
// the seed, the State Council's and provinces' real reports) as build
// does, with the repository's site files, and returns the project and its
// public/.
func bundledSite(t *testing.T) (root, pub string) {
	t.Helper()
	root = siteProject(t)
	content := filepath.Join(testcorpus.Root(), "content", "reports")
	if err := os.CopyFS(filepath.Join(root, "content", "reports"), os.DirFS(content)); err != nil {
		t.Fatal(err)
	}
	pub = buildSite(t, root, publicURL)
	return root, pub
}

// TestTuBundled: the 一图读懂 of every report the repository bundles — the
// largest real ones — passes checkTuPage, and its weight is measured
// against the page-weight rule (TestPageWeight's) and held to tuWeight.
func TestTuBundled(t *testing.T) {
	root, pub := bundledSite(t)
	pages := loadPages(t, pub)
	n := 0
	for _, rel := range keys(pages) {
		slug, ok := strings.CutSuffix(strings.TrimPrefix(rel, "reports/"), "/tu.html")
		if !ok {
			continue
		}
		n++
		t.Run(slug, func(t *testing.T) {
			checkTuPage(t, root, pages, slug)
			w := pageWeight(t, pub, pages[rel])
			ratio := float64(w.html) / float64(w.text)
			t.Logf("HTML %d B (gzip %d); visible text %d B (gzip %d); ratio %.3f (rule %.2f from %d B of text)", w.htmlRaw, w.html, w.textRaw, w.text, ratio, htmlWeight, ruleFrom)
			if ratio > tuWeight && w.text >= ruleFrom {
				t.Errorf("HTML weight %.3f > %.2f", ratio, tuWeight)
			}
		})
	}
	if n < 10 {
		t.Errorf("%d 一图读懂 pages, want one for each bundled report", n)
	}
}

// tuWeight is what a 一图读懂 of ruleFrom bytes of text or more may weigh,
// HTML against visible text, gzipped: what the bundled ones weigh (at most
// 1.55, 2025-jilin-sheng; 1.47 the largest, 2025-guizhou-sheng), held
// there. It is more than the rule's htmlWeight, which such a page cannot
// meet while each number links to its sentence: some 150 figures of a
// dozen characters each, every one a link, in a frame every page has (the
// portal's <meta> set, header, text-size form, footer: about 1060 B
// gzipped for 250 B of text, some 750 B over the rule before a figure is
// shown). Measured on the bundled pages with the report's clause under
// each figure (caption): with no markup at all in the picture, text only,
// they weigh 1.22; with a bare link per figure and no other tag, 1.32;
// with the whole sentence under each figure instead of its clause, which
// makes the picture the report again, 1.31. Shorter markup (no <small>, no
// classes, shorter links) saves less than 0.01: gzip has it already.
const tuWeight = 1.56

// TestTuCaptions: under a card, the clause that states its figure, word
// for word, when it says more than the card; an item of it when the
// clause is longer than tuCaption; nothing when it says no more.
func TestTuCaptions(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"全县地区生产总值突破12亿元。", "</a>全县地区生产总值突破12亿元"},
		{"财政收入从3亿元提升到5亿元。", "</a>财政收入从3亿元提升到5亿元"},
		{"城镇新增就业350人。", "</a></ul>"},
		{"“六大产业基地”规模以上工业总产值占全省比重达83.3%。", "</a></ul>"},
		{"累计完成棚户区改造47.63万户（套）、老旧小区改造68.56万户、背街小巷改造5667条、城镇地下管网改造2.24万公里。", "</a>累计完成棚户区改造47.63万户（套）<li>"},
	} {
		doc, ins := tuDoc(t, "## 一、2023年工作回顾\n\n"+c.text+"\n")
		out := renderTu(doc, ins, nil)
		if !strings.Contains(out, c.want) {
			t.Errorf("%s: want %s in\n%s", c.text, c.want, out)
		}
	}
}
