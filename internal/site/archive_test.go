package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/synth"
	"github.com/govreport/govreport/internal/testcorpus"
)

// archiveSite builds the made-up reports of internal/archive's tests
// (青山镇 2021-2023, 白河县 2022-2023) from sources, as build does.
func archiveSite(t *testing.T) (root, out string) {
	t.Helper()
	root = siteProject(t)
	files, _ := filepath.Glob(filepath.Join("..", "archive", "testdata", "reports", "*.txt"))
	if len(files) < 6 {
		t.Fatalf("made-up reports: %v", files)
	}
	for _, f := range files {
		if strings.Contains(f, "revised") { // a second report of one year: the build refuses two of one page name
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		mustWrite(t, filepath.Join(root, "sources", filepath.Base(f)), data)
	}
	out = filepath.Join(root, "public")
	buildLogged(t, root, out)
	return root, out
}

// TestPlacePage: a place page lists its reports and shows the figures
// that recur across them, a value a year linking to its sentence, a
// placeholder as a gap, never a number; each year's targets beside the
// next year's results; and its livelihood projects.
func TestPlacePage(t *testing.T) {
	_, out := archiveSite(t)
	page := read(t, out, "places/qingshan-zhen.html")
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	// Its reports, newest first, each linked.
	ul := first(doc, class("ls"))
	var reports []string
	for _, a := range all(ul, elem(atom.A)) {
		reports = append(reports, attr(a, "href"))
	}
	if strings.Join(reports, " ") != "../reports/2023-qingshan-zhen.html ../reports/2022-qingshan-zhen.html ../reports/2021-qingshan-zhen.html" {
		t.Errorf("reports listed: %v", reports)
	}
	// The figures across years: one row a figure, one column a year.
	table := first(doc, class("m"))
	if table == nil {
		t.Fatal("no table of figures across years")
	}
	rows := map[string]*html.Node{}
	for _, th := range all(table, func(n *html.Node) bool { return is(n, atom.Th) && attr(n, "scope") == "row" }) {
		rows[textOf(th.FirstChild)] = th.Parent // the label; then the unit and the sparkline
	}
	gdp := rows["生产总值"]
	if gdp == nil {
		gdp = rows["地区生产总值"]
	}
	if gdp == nil {
		t.Fatalf("no row for 地区生产总值 (renamed 生产总值 in one report); rows: %v", keysOf(rows))
	}
	var links []string
	for _, a := range all(gdp, elem(atom.A)) {
		links = append(links, textOf(a)+" "+attr(a, "href"))
		if !strings.HasPrefix(attr(a, "href"), "../reports/") || !strings.Contains(attr(a, "href"), ".html#") {
			t.Errorf("a value that links nowhere useful: %s", attr(a, "href"))
		}
	}
	if len(links) < 2 {
		t.Errorf("地区生产总值 across years: %v", links)
	}
	// A placeholder is a gap: written as the report writes it, never a number.
	for _, u := range all(table, elem(atom.U)) {
		if !strings.Contains(textOf(u), "XX") {
			t.Errorf("a mark that is no placeholder: %q", textOf(u))
		}
	}
	// Targets beside results, with a status each.
	assertContains(t, "place page", page, "目标与完成", "达成", "<th scope=col>实绩")
	// Charts are drawn for the featured figures, in their rows, with a text
	// alternative.
	svgs := all(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "svg" })
	if len(svgs) == 0 {
		t.Error("no chart")
	}
	for _, svg := range svgs {
		if attr(svg, "role") != "img" || first(svg, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "title" }) == nil {
			t.Error("a chart without a text alternative")
		}
		if !is(svg.Parent, atom.Th) || !within(svg, table) {
			t.Error("a chart outside the row of its figure")
		}
	}
	// Livelihood projects of 2022's report, found or not in 2023's.
	assertContains(t, "place page", page, "民生实事")
	// The report pages link the same place's other years.
	assertContains(t, "2022 report", read(t, out, "reports/2022-qingshan-zhen.html"),
		"上一年度：<a href=../reports/2021-qingshan-zhen.html>", "下一年度：<a href=../reports/2023-qingshan-zhen.html>", "<a href=../places/qingshan-zhen.html>青山镇</a>")
}

func keysOf[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestKeyFigures: a year's lists show each report's first featured results
// of its year, as written, a level and its change under one name, and
// never a placeholder, a target or another year's figure.
func TestKeyFigures(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	ins := []indicator.Indicator{
		{Label: "财政收入", Written: "XX万元", Redacted: true, Kind: indicator.Actual, Featured: true, Year: 2023},
		{Label: "地区生产总值", Written: "28.6亿元", Value: v(28.6), Kind: indicator.Target, Featured: true, Year: 2024},
		{Label: "地区生产总值", Written: "25.1亿元", Value: v(25.1), Kind: indicator.Actual, Featured: true, Year: 2022},
		{Label: "家庭农场", Written: "58个", Value: v(58), Kind: indicator.Actual, Year: 2023},
		{Label: "地区生产总值", Written: "27.1亿元", Value: v(27.1), Kind: indicator.Actual, Featured: true, Year: 2023},
		{Label: "地区生产总值", Written: "5.5%", Value: v(5.5), Change: true, Qualifier: "预计", Kind: indicator.Actual, Featured: true, Year: 2023},
		{Label: "税收收入", Written: "3.2%", Value: v(-3.2), Change: true, Kind: indicator.Actual, Featured: true},
	}
	if got, want := keyFigures(ins, 2023), "地区生产总值27.1亿元，预计增长5.5%"; got != want {
		t.Errorf("keyFigures = %q, want %q", got, want)
	}
	if got, want := keyFigures(ins[5:], 2023), "地区生产总值预计增长5.5%，税收收入下降3.2%"; got != want {
		t.Errorf("keyFigures = %q, want %q", got, want)
	}
}

// listCeiling is the most HTML weight (gzip of the HTML over gzip of its
// visible text) each kind of list page may have in TestListWeight's
// archive: what the pages weigh now, plus a little, so that markup added
// to a list shows. The rule is htmlWeight; a place page of ten years, at
// some 3,500 gzip bytes of text, is bound by it (ruleFrom) and does not
// meet it: every value of its table of figures links to its sentence, a
// link per cell that costs 2–3 gzip bytes beside a value of 3–5, and the
// frame every page carries (the portal's <meta> set, header, footer)
// weighs about 600 gzip bytes more than its text. A year page here lists
// 20 reports, about 500 gzip bytes of text: the frame is most of it.
var listCeiling = map[string]float64{"home": 1.85, "year": 2.30, "place": 1.80}

// TestListWeight builds a generated archive (internal/synth: 200 copies of
// the seed, 20 places of ten years each) and measures its list pages.
func TestListWeight(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 200 reports")
	}
	root := filepath.Join(t.TempDir(), "archive")
	if err := synth.Project(testcorpus.Root(), root, 200, 10); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(root, "public")
	buildLogged(t, root, pub)
	pages := loadPages(t, pub)
	worst := map[string]float64{}
	for _, rel := range keys(pages) {
		kind := ""
		switch {
		case rel == "index.html":
			kind = "home"
		case strings.HasPrefix(rel, "years/"):
			kind = "year"
		case strings.HasPrefix(rel, "places/"):
			kind = "place"
		default:
			continue
		}
		w := pageWeight(t, pub, pages[rel])
		ratio := float64(w.html) / float64(w.text)
		worst[kind] = max(worst[kind], ratio)
		if ratio > listCeiling[kind] {
			t.Errorf("%s: HTML %d B gzip, visible text %d B gzip: weight %.3f > %.2f, this kind's ceiling (the rule: %.2f)", rel, w.html, w.text, ratio, listCeiling[kind], htmlWeight)
		}
		if ratio > htmlWeight && w.text >= ruleFrom {
			t.Logf("%s: weight %.3f over the rule %.2f at %d B gzip of text", rel, ratio, htmlWeight, w.text)
		}
	}
	if len(worst) != 3 {
		t.Fatalf("list pages measured: %v", worst)
	}
	for _, kind := range keys(worst) {
		t.Logf("%s pages: heaviest %.3f (ceiling %.2f)", kind, worst[kind], listCeiling[kind])
	}
}

// TestHomeBrief: an archive of more places than the home page lists in
// full (homeFull, lowered here) gets a brief home page: the newest year's
// reports by place name, the places with their counts, every one linked;
// and the home page of 1,000 places and 1,000 reports a year, its entries
// as long as the longest here, stays under the 200 KB.
func TestHomeBrief(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 60 reports")
	}
	defer func(n int) { homeFull = n }(homeFull)
	homeFull = 3
	root := filepath.Join(t.TempDir(), "archive")
	if err := synth.Project(testcorpus.Root(), root, 60, 10); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(root, "public")
	buildLogged(t, root, pub)
	home := loadPages(t, pub)["index.html"]
	newest, places := home.ids["new"], home.ids["pl"]
	if newest == nil || places == nil {
		t.Fatalf("home page: no list of the newest reports (#new) or of places (#pl)")
	}
	lists := all(home.doc, func(n *html.Node) bool { return is(n, atom.Ul) && attr(n, "class") == "ix" })
	if len(lists) != 3 { // newest reports, years, places
		t.Fatalf("home page: %d brief lists, want 3", len(lists))
	}
	reports := all(lists[0], func(n *html.Node) bool { return is(n, atom.A) })
	placeLinks := all(lists[2], func(n *html.Node) bool { return is(n, atom.A) })
	if len(reports) != 6 || len(placeLinks) != 6 {
		t.Fatalf("home page lists %d newest reports and %d places, want 6 and 6", len(reports), len(placeLinks))
	}
	for _, a := range reports {
		name, href := textOf(a), attr(a, "href")
		if !strings.HasPrefix(href, "reports/") || strings.Contains(name, "政府工作报告") || name == "" {
			t.Errorf("newest report %q → %s: want the place's name, linking its report", name, href)
		}
		if _, err := os.Stat(filepath.Join(pub, filepath.FromSlash(href))); err != nil {
			t.Errorf("newest report %q: %v", name, err)
		}
	}
	longest := 0 // an entry as html.Render writes it, end tag and quotes included: more than the page's
	for _, li := range append(all(lists[0], func(n *html.Node) bool { return is(n, atom.Li) }), all(lists[2], func(n *html.Node) bool { return is(n, atom.Li) })...) {
		var b strings.Builder
		if err := html.Render(&b, li); err != nil {
			t.Fatal(err)
		}
		longest = max(longest, b.Len())
	}
	const want = 200 << 10
	projected := len(home.raw) + (2*1000-len(reports)-len(placeLinks))*longest
	t.Logf("home page %d B, entries up to %d B: at 1,000 places and 1,000 newest reports %d B", len(home.raw), longest, projected)
	if projected > want {
		t.Errorf("the home page of 1,000 places and 1,000 newest reports would be %d B > %d B", projected, want)
	}
}
