// Package archive reads many reports as one collection: the places they are
// of and the years they review, the figures that recur across a place's
// years, the targets a report sets beside what the next year's report
// states, and the livelihood projects it lists beside where the next report
// speaks of them. It works on the document model and the indicators; the
// site renders what it gives.
//
// Nothing here guesses. A place withheld (XX镇) is never merged with another;
// a placeholder (XX万元) is a gap, never zero; a project whose mention in
// the next report is not clear is "not found".
package archive

import (
	"cmp"
	"slices"

	"github.com/govreport/govreport/internal/report"
)

// Index is a collection of reports grouped by place and by year. It is made
// from front matter alone.
type Index struct {
	// Places are the named places, in the order of their slugs (the
	// pinyin of the name, then the kind of place: 青山镇 before 青山湖镇).
	Places []*Place
	// Years are the years reviewed, newest first; last, as year 0, the
	// reports whose year is unknown, if any.
	Years []*Year
	// Unplaced are the reports whose place is empty or withheld (XX镇,
	// **县): they get no place page and are never merged with each other.
	// In the order of their slugs.
	Unplaced []report.Meta

	bySlug   map[string]*Place // place slug → place
	byReport map[string]int    // report slug → index in its place's Reports
	placeOf  map[string]*Place // report slug → place
}

// Place is one place and its reports.
type Place struct {
	Name string // the place's name, normalised: 青山镇
	Slug string // ASCII page name, unique in the index: qingshan-zhen
	// Spellings are the place names as the reports write them, when they
	// differ from Name (青山镇人民政府, 青山鎮), sorted: each merge the
	// index made, for a page to show.
	Spellings []string
	// Reports are the place's reports, oldest year first; two of one
	// year by date, then slug; those whose year is unknown last.
	Reports []report.Meta
}

// Year is one year reviewed and its reports.
type Year struct {
	Year int
	// Reports are the year's reports in the order of the places, then
	// the unplaced ones by slug.
	Reports []report.Meta
}

// NewIndex groups reports by place and by year. It is cheap: it reads the
// metadata only, and sorts.
func NewIndex(metas []report.Meta) *Index {
	ix := &Index{bySlug: map[string]*Place{}, byReport: map[string]int{}, placeOf: map[string]*Place{}}
	byName := map[string]*Place{}
	spellings := map[*Place]map[string]bool{}
	for _, m := range metas {
		name, ok := placeName(m.Place)
		if !ok {
			ix.Unplaced = append(ix.Unplaced, m)
			continue
		}
		p := byName[name]
		if p == nil {
			p = &Place{Name: name}
			byName[name] = p
			spellings[p] = map[string]bool{}
			ix.Places = append(ix.Places, p)
		}
		p.Reports = append(p.Reports, m)
		if m.Place != name {
			spellings[p][m.Place] = true
		}
	}
	for _, p := range ix.Places {
		slices.SortStableFunc(p.Reports, byYearDate)
		for s := range spellings[p] {
			p.Spellings = append(p.Spellings, s)
		}
		slices.Sort(p.Spellings)
	}
	assignSlugs(ix.Places)
	slices.SortFunc(ix.Places, func(a, b *Place) int { return cmp.Compare(a.Slug, b.Slug) })
	slices.SortStableFunc(ix.Unplaced, func(a, b report.Meta) int { return cmp.Compare(a.Slug, b.Slug) })
	for _, p := range ix.Places {
		ix.bySlug[p.Slug] = p
		for i, m := range p.Reports {
			ix.byReport[m.Slug], ix.placeOf[m.Slug] = i, p
		}
	}
	ix.Years = years(ix.Places, ix.Unplaced)
	return ix
}

// byYearDate orders reports by year, then date, then slug; reports whose
// year is unknown (0) come last.
func byYearDate(a, b report.Meta) int {
	return cmp.Or(boolCmp(a.Year == 0, b.Year == 0), cmp.Compare(a.Year, b.Year),
		cmp.Compare(a.Date, b.Date), cmp.Compare(a.Slug, b.Slug))
}

// years groups the reports by year, newest first: each year's reports in
// the order of the places, then the unplaced.
func years(places []*Place, unplaced []report.Meta) []*Year {
	byYear := map[int]*Year{}
	var out []*Year
	add := func(m report.Meta) {
		y := byYear[m.Year]
		if y == nil {
			y = &Year{Year: m.Year}
			byYear[m.Year] = y
			out = append(out, y)
		}
		y.Reports = append(y.Reports, m)
	}
	for _, p := range places {
		for _, m := range p.Reports {
			add(m)
		}
	}
	for _, m := range unplaced {
		add(m)
	}
	slices.SortFunc(out, func(a, b *Year) int { return cmp.Compare(b.Year, a.Year) })
	return out
}

// PlaceOf returns the place whose slug is slug, or nil.
func (ix *Index) PlaceOf(slug string) *Place {
	return ix.bySlug[slug]
}

// PlaceFor returns the place of the report whose slug is reportSlug, or nil
// when the report is unplaced or unknown.
func (ix *Index) PlaceFor(reportSlug string) *Place {
	return ix.placeOf[reportSlug]
}

// Neighbours returns the reports of the same place for the year before and
// the year after the report whose slug is reportSlug: of the nearest
// earlier year, the latest; of the nearest later year, the earliest. A
// report of the same year is neither (the place page lists it), nor is one
// whose year is unknown. nil when there is none, or the report is
// unplaced, undated or unknown. Report slugs are unique (they name the
// reports' folders).
func (ix *Index) Neighbours(reportSlug string) (prev, next *report.Meta) {
	p := ix.placeOf[reportSlug]
	if p == nil {
		return nil, nil
	}
	i := ix.byReport[reportSlug]
	year := p.Reports[i].Year
	if year == 0 {
		return nil, nil
	}
	for j := i - 1; j >= 0; j-- {
		if y := p.Reports[j].Year; y < year && y > 0 {
			m := p.Reports[j]
			prev = &m
			break
		}
	}
	for j := i + 1; j < len(p.Reports); j++ {
		if p.Reports[j].Year > year {
			m := p.Reports[j]
			next = &m
			break
		}
	}
	return prev, next
}
