package site

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/govreport/govreport/internal/archive"
	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/report"
)

// The list pages of the site are pages the build makes, from the archive
// (internal/archive): the home page, a page per year reviewed and a page
// per place with its figures across years, its targets beside the next
// year's results and its livelihood projects. Hugo renders each from the
// data the build gives it in its front matter, so a page lists what it
// lists without Hugo holding every report in memory.

// listPages is every list page of the site, with its data.
type listPages struct {
	Home   homePage
	Years  []yearPage
	Places []placePage
}

// homePage is the home page's data: the newest year's reports, then the
// archive by year and by place. Every report is two clicks away: home, its
// year, the report.
type homePage struct {
	Newest  int         `json:"newest,omitempty"`
	Reports []listEntry `json:"reports"` // of the newest year
	Years   []link      `json:"years"`
	Places  []link      `json:"places"`
	// Brief is set when the home page lists more than homeFull reports or
	// places: then it names each report by its place and each place with
	// its count only; the year and place pages say the rest.
	Brief bool `json:"brief,omitempty"`
}

// homeFull is how many reports of the newest year and places the home page
// lists with their dates, speakers and years; beyond it, by name only, so
// that the home page of 10,000 reports (1,000 places) stays under 200 KB.
// (A variable for tests.)
var homeFull = 100

// link is a list page as another page links to it.
type link struct {
	Label string `json:"label"`
	URL   string `json:"url"`
	Count int    `json:"count"`
	Note  string `json:"note,omitempty"` // 2019–2025年度
}

// yearPage is a year's reports.
type yearPage struct {
	Title   string      `json:"title"`
	Slug    string      `json:"slug"` // 2025, or unknown
	Year    int         `json:"year,omitempty"`
	Reports []listEntry `json:"reports"`
	Years   []link      `json:"years"` // every year, for moving between them
	Outputs []string    `json:"outputs"`
}

// placePage is a place's reports and what they say across years.
type placePage struct {
	Title     string      `json:"title"`
	Slug      string      `json:"slug"`
	Spellings []string    `json:"spellings,omitempty"`
	Reports   []listEntry `json:"reports"` // newest first
	Missing   string      `json:"missing,omitempty"`
	Outputs   []string    `json:"outputs"`
	// Body is the page's figures across years, targets and projects,
	// rendered by the build (place.go) and spliced into Hugo's page.
	Body string `json:"-"`
}

// listEntry is one report in a list.
type listEntry struct {
	Title   string `json:"title"`
	URL     string `json:"url"` // from the page that lists it: reports/<slug>.html, ../reports/<slug>.html
	Year    int    `json:"year,omitempty"`
	Place   string `json:"place,omitempty"`
	Date    string `json:"date,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	// Name is the report's name in a brief list: its place, or its title
	// where the place has more reports in the list or none is known.
	Name string `json:"name,omitempty"`
	// Figures are the report's key figures of its year, at a glance
	// (地区生产总值增长5.2%，…), on a year's page, where a reader compares
	// places.
	Figures string `json:"figures,omitempty"`
}

// htmlOnly are the output formats of a list page: no print version.
var htmlOnly = []string{"html"}

// maxSeries is how many figures across years a place page shows: the
// featured ones first; each report's data download holds them all.
const maxSeries = 40

// archiveOf returns the index of the build's reports.
func (b *builder) archiveOf() *archive.Index {
	if b.index == nil {
		metas := make([]report.Meta, len(b.pages))
		for i, pg := range b.pages {
			metas[i] = pg.Doc.Meta
		}
		b.index = archive.NewIndex(metas)
	}
	return b.index
}

// lists returns the data of every list page.
func (b *builder) lists() listPages {
	ix := b.archiveOf()
	bySlug := map[string]*Page{}
	for _, pg := range b.pages {
		bySlug[pg.Doc.Meta.Slug] = pg
	}
	var l listPages
	var siblings []link // the year pages, linked from a year page
	for _, y := range ix.Years {
		l.Home.Years = append(l.Home.Years, link{Label: yearLabel(y.Year), URL: yearURL(y.Year), Count: len(y.Reports)})
		siblings = append(siblings, link{Label: yearLabel(y.Year), URL: up + yearURL(y.Year), Count: len(y.Reports)})
	}
	for _, y := range ix.Years {
		yp := yearPage{Title: yearLabel(y.Year) + "政府工作报告", Slug: yearSlug(y.Year), Year: y.Year, Years: siblings, Outputs: htmlOnly}
		for _, m := range y.Reports {
			e := entryOf(m, up)
			e.Figures = keyFigures(bySlug[m.Slug].Indicators, m.Year)
			yp.Reports = append(yp.Reports, e)
		}
		l.Years = append(l.Years, yp)
	}
	if len(ix.Years) > 0 {
		y := ix.Years[0]
		l.Home.Newest = y.Year
		for _, m := range y.Reports { // without their key figures: at 10,000 reports the home page lists 1,000 (200 KB)
			l.Home.Reports = append(l.Home.Reports, entryOf(m, ""))
		}
		sortNewestFirst(l.Home.Reports)
	}
	l.Home.Brief = len(l.Home.Reports) > homeFull || len(ix.Places) > homeFull
	if l.Home.Brief {
		nameReports(l.Home.Reports)
	}
	cmps := b.comparisons()
	l.Places = make([]placePage, len(ix.Places))
	parallel(len(ix.Places), func(i int) {
		p := ix.Places[i]
		l.Places[i] = b.opts.Cache.place(placeKey(p, bySlug), func() placePage { return placeView(p, cmps[i]) })
	})
	for _, p := range l.Places {
		l.Home.Places = append(l.Home.Places, link{Label: p.Title, URL: placeURL(p.Slug), Count: len(p.Reports), Note: yearSpan(p.Reports)})
	}
	return l
}

// placeKey is what a place's page data depends on: its name, page name
// and spellings, and its reports' content.
func placeKey(p *archive.Place, bySlug map[string]*Page) string {
	parts := append([]string{p.Name, p.Slug}, p.Spellings...)
	for _, m := range p.Reports {
		parts = append(parts, m.Slug, bySlug[m.Slug].Hash)
	}
	return keyOf(parts...)
}

// placeView is a place's page data.
func placeView(p *archive.Place, cmp archive.Comparison) placePage {
	pp := placePage{Title: p.Name, Slug: p.Slug, Spellings: p.Spellings, Outputs: htmlOnly}
	for _, m := range p.Reports {
		pp.Reports = append(pp.Reports, entryOf(m, up))
	}
	sortNewestFirst(pp.Reports)
	pp.Missing = missingYears(p.Reports)
	pp.Body = renderPlace(cmp)
	return pp
}

// comparisons returns what each place's reports say across years
// (archive.Compare), in the index's order of places: computed once a
// build, and kept in the Cache from one build to the next.
func (b *builder) comparisons() []archive.Comparison {
	if b.cmps != nil {
		return b.cmps
	}
	ix := b.archiveOf()
	bySlug := make(map[string]*Page, len(b.pages))
	for _, pg := range b.pages {
		bySlug[pg.Doc.Meta.Slug] = pg
	}
	b.cmps = make([]archive.Comparison, len(ix.Places))
	parallel(len(ix.Places), func(i int) {
		p := ix.Places[i]
		b.cmps[i] = b.opts.Cache.comparison(placeKey(p, bySlug), func() archive.Comparison {
			rs := make([]archive.Report, 0, len(p.Reports))
			for _, m := range p.Reports {
				pg := bySlug[m.Slug]
				rs = append(rs, archive.Report{Meta: m, Doc: pg.Doc, Indicators: pg.Indicators})
			}
			return archive.Compare(rs)
		})
	})
	return b.cmps
}

// missingYears says which years between a place's first and last report
// the archive holds no report of: the place page says so rather than
// leave the reader to wonder.
func missingYears(ms []report.Meta) string {
	have := map[int]bool{}
	lo, hi := 0, 0
	for _, m := range ms {
		if m.Year == 0 {
			continue
		}
		have[m.Year] = true
		if lo == 0 || m.Year < lo {
			lo = m.Year
		}
		hi = max(hi, m.Year)
	}
	var gaps []string
	for y := lo; y > 0 && y <= hi; y++ {
		if !have[y] {
			gaps = append(gaps, strconv.Itoa(y))
		}
	}
	if len(gaps) == 0 {
		return ""
	}
	return strings.Join(gaps, "、") + "年度的报告未收录"
}

// sentenceURL is the address, from a place page, of the block that
// states something.
func sentenceURL(r archive.Ref) string {
	return up + "reports/" + r.Report + ".html#" + r.Anchor
}

// up leads from a page one folder down (reports/, places/, years/) to
// the site's root. Links are written relative to their page by the build:
// the site works under any path and from the file system, and Hugo need
// not rewrite each link (relURL costs most of a list page's rendering).
const up = "../"

// number writes a value with at most four decimals and no trailing zeros.
func number(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// signed writes a change with its sign: +5.2, −1.3 (a minus sign, not a
// hyphen), 0.
func signed(v float64) string {
	switch {
	case v > 0:
		return "+" + number(v)
	case v < 0:
		return "−" + number(math.Abs(v))
	}
	return "0"
}

// entryOf is a report as a list shows it; base leads from the list's
// page to the site's root.
func entryOf(m report.Meta, base string) listEntry {
	return listEntry{Title: displayTitle(m), URL: base + "reports/" + m.Slug + ".html", Year: m.Year, Place: m.Place, Date: m.Date, Speaker: m.Speaker}
}

// maxKeyFigures is how many figures a list shows of a report.
const maxKeyFigures = 2

// keyFigures writes a report's first figures that are standard statistical
// indicators (featured) and results of its year, each of another
// indicator, as the report writes them: 地区生产总值1.2万亿元，增长5.2%
// (a level and its change, the name once).
// A placeholder is left out (it says nothing at a glance); "" when none.
func keyFigures(ins []indicator.Indicator, year int) string {
	var out []string
	seen := map[string]bool{}
	for _, in := range ins {
		if len(out) == maxKeyFigures {
			break
		}
		if !in.Featured || in.Kind != indicator.Actual || in.Redacted || in.Value == nil || in.Year != 0 && in.Year != year {
			continue
		}
		key := in.Label + strconv.FormatBool(in.Change)
		if seen[key] {
			continue
		}
		seen[key] = true
		w := in.Written
		if q := in.Qualifier; q != "" && !strings.Contains(w, q) {
			if slices.Contains([]string{"以上", "以下", "以内", "左右"}, q) {
				w += q
			} else {
				w = q + w
			}
		}
		if in.Change {
			verb := "增长"
			if *in.Value < 0 {
				verb = "下降"
			}
			w = strings.TrimPrefix(w, "-")
			if rest, ok := strings.CutPrefix(w, "预计"); ok {
				w = "预计" + verb + rest
			} else {
				w = verb + w
			}
		}
		if len(out) == 0 || !seen[in.Label+strconv.FormatBool(!in.Change)] { // 地区生产总值5.2万亿元，增长5.4%
			w = in.Label + w
		}
		out = append(out, w)
	}
	return strings.Join(out, "，")
}

// sortNewestFirst orders reports by year, then date, newest first; a
// report without a date still sorts by its year.
func sortNewestFirst(es []listEntry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Year != b.Year {
			return a.Year > b.Year
		}
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		return a.URL < b.URL
	})
}

// yearSpan writes the years a list covers: 2019–2025年度, or 2025年度.
func yearSpan(es []listEntry) string {
	lo, hi := 0, 0
	for _, e := range es {
		if e.Year == 0 {
			continue
		}
		if lo == 0 || e.Year < lo {
			lo = e.Year
		}
		hi = max(hi, e.Year)
	}
	switch {
	case lo == 0:
		return ""
	case lo == hi:
		return fmt.Sprintf("%d年度", lo)
	}
	return fmt.Sprintf("%d–%d年度", lo, hi)
}

// yearLabel names a year reviewed: 2025年度, or 年度不详.
func yearLabel(y int) string {
	if y == 0 {
		return "年度不详"
	}
	return strconv.Itoa(y) + "年度"
}

// yearSlug names a year's page.
func yearSlug(y int) string {
	if y == 0 {
		return "unknown"
	}
	return strconv.Itoa(y)
}

func yearURL(y int) string        { return "years/" + yearSlug(y) + ".html" }
func placeURL(slug string) string { return "places/" + slug + ".html" }

// listPage is one list page as the build renders it: its content file
// for Hugo, the files it makes, its key, and for a place page the HTML
// spliced into it.
type listPage struct {
	content string   // its content file, in content/
	out     []string // the files Hugo makes of it, in the site
	front   []byte   // the content file: front matter only
	body    string   // spliced at the place marker, or ""
	key     string
}

// pages returns every list page, keyed by what makes it: hugoKey, its data
// and its spliced HTML. The home page makes robots.txt too.
func (l listPages) pages(hugoKey string) []listPage {
	page := func(content string, out []string, v any, body string) listPage {
		front := frontMatter(v)
		return listPage{content, out, front, body, keyOf("list", hugoKey, content, string(front), body)}
	}
	ps := []listPage{
		page("_index.md", []string{"index.html", "robots.txt"}, l.Home, ""),
		// The search page (layouts/search.html, static/js/search.js), on the
		// index the build writes into search/.
		page("search.md", []string{"search.html"}, map[string]any{"title": "搜索", "layout": "search", "outputs": htmlOnly, "sitemap": map[string]any{"disable": true}}, ""),
	}
	for _, y := range l.Years {
		ps = append(ps, page("years/"+y.Slug+".md", []string{yearURL(y.Year)}, y, ""))
	}
	for _, p := range l.Places {
		ps = append(ps, page("places/"+p.Slug+".md", []string{placeURL(p.Slug)}, p, p.Body))
	}
	return ps
}

// reportNav is what a report page shows of where it sits in the archive:
// the breadcrumbs 首页 › place › year, and the same place's previous and
// next year.
type reportNav struct {
	Place *link      `json:"place,omitempty"`
	Year  link       `json:"year"`
	Prev  *listEntry `json:"prev,omitempty"`
	Next  *listEntry `json:"next,omitempty"`
}

// navKey is what a report page's navigation says, for its key.
func navKey(nav reportNav) string {
	parts := []string{nav.Year.Label, nav.Year.URL}
	if nav.Place != nil {
		parts = append(parts, "place", nav.Place.Label, nav.Place.URL)
	}
	for _, e := range []*listEntry{nav.Prev, nav.Next} {
		if e == nil {
			parts = append(parts, "-")
			continue
		}
		parts = append(parts, e.Title, e.URL, strconv.Itoa(e.Year), e.Place, e.Date, e.Speaker)
	}
	return keyOf(parts...)
}

// navOf returns a report's place in the archive.
func (b *builder) navOf(m report.Meta) reportNav {
	ix := b.archiveOf()
	nav := reportNav{Year: link{Label: yearLabel(m.Year), URL: up + yearURL(m.Year)}}
	if p := ix.PlaceFor(m.Slug); p != nil {
		nav.Place = &link{Label: p.Name, URL: up + placeURL(p.Slug)}
	}
	prev, next := ix.Neighbours(m.Slug)
	if prev != nil {
		e := entryOf(*prev, up)
		nav.Prev = &e
	}
	if next != nil {
		e := entryOf(*next, up)
		nav.Next = &e
	}
	return nav
}

// sortedInts returns m's keys in order.
func sortedInts(m map[int]int) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// nameReports names each report of a brief list by its place, or by its
// title where the place is unknown or has another report in the list.
func nameReports(es []listEntry) {
	n := map[string]int{}
	for _, e := range es {
		n[e.Place]++
	}
	for i, e := range es {
		es[i].Name = e.Place
		if e.Place == "" || n[e.Place] > 1 {
			es[i].Name = e.Title
		}
	}
}
