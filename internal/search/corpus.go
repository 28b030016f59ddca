package search

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/govreport/govreport/internal/report"
)

// Report is one report to index.
type Report struct {
	Slug  string // page name; "" takes Doc.Meta.Slug
	Title string // "" takes Doc.Meta.Title
	Place string // "" takes Doc.Meta.Place
	Year  int    // 0 takes Doc.Meta.Year
	Date  string // YYYY-MM-DD; "" takes Doc.Meta.Date
	// URL is the report's page relative to the site's root
	// (reports/<slug>.html); result links add #<paragraph id>.
	URL string
	Doc *report.Doc
}

// filled returns r with its empty fields taken from the document.
func (r Report) filled() Report {
	if r.Doc == nil {
		r.Doc = &report.Doc{}
	}
	m := r.Doc.Meta
	r.Slug = cmp.Or(r.Slug, m.Slug)
	r.Title = cmp.Or(r.Title, m.Title)
	r.Place = cmp.Or(r.Place, m.Place)
	r.Year = cmp.Or(r.Year, m.Year)
	r.Date = cmp.Or(r.Date, m.Date)
	if r.URL == "" && r.Slug != "" {
		r.URL = "reports/" + r.Slug + ".html"
	}
	return r
}

// A report's paragraphs are numbered by class — its title and headings,
// which rank first, and the rest — each class from 0 in reading order; a
// paragraph's local number (lu) is its number<<1 | class. They are stored
// in chunks: all the headings in chunk 0 (one more for every headChunk of
// them), the rest bodyChunk to a chunk, in chunks 1, 3, 5 ….
const (
	headChunk = 64
	bodyChunk = 10
	// maxUnitRunes bounds a paragraph's length, so that an offset fits the
	// index's entries; longer text is split into parts (same anchor).
	maxUnitRunes = 1 << 16
)

// chunkOf is the chunk holding the paragraph with local number lu.
func chunkOf(lu int) int {
	if lu&1 == 0 {
		return lu >> 1 / headChunk * 2
	}
	return lu>>1/bodyChunk*2 + 1
}

// unit is one searchable piece of a report: its title, a heading, a
// paragraph, a point, an item or a table.
type unit struct {
	anchor  string // block id; "" for the title (the page's top)
	text    string // as written
	heading int    // index in the report's headings of the section it is in; -1 none
	lu      int    // local number: see chunkOf
}

// doc is a report as the index holds it.
type doc struct {
	Report
	place    int      // index into places
	headings []string // section headings, as shown with results
	units    []unit   // in lu order
	chunks   []int    // the chunk numbers used
}

// isHeading reports whether a block is a heading that ranks like a title.
func isHeading(k report.Kind) bool {
	return k == report.Heading || k == report.Part || k == report.Section
}

// order sorts the reports as the index numbers them: by place, then newest
// first, and returns the places in that order.
func order(reports []Report) ([]*doc, []string, error) {
	docs := make([]*doc, len(reports))
	seen := map[string]bool{}
	for i, r := range reports {
		r = r.filled()
		if r.URL == "" {
			return nil, nil, fmt.Errorf("search: report %d (%q) has neither a URL nor a slug", i+1, r.Title)
		}
		if seen[r.URL] {
			return nil, nil, fmt.Errorf("search: two reports at %s", r.URL)
		}
		seen[r.URL] = true
		docs[i] = &doc{Report: r}
	}
	slices.SortFunc(docs, func(a, b *doc) int {
		return cmp.Or(strings.Compare(a.Place, b.Place), cmp.Compare(b.Year, a.Year),
			strings.Compare(b.Date, a.Date), strings.Compare(a.URL, b.URL))
	})
	var places []string
	for _, d := range docs {
		if len(places) == 0 || places[len(places)-1] != d.Place {
			places = append(places, d.Place)
		}
		d.place = len(places) - 1
	}
	return docs, places, nil
}

// split fills in d's units, headings and chunks.
func (d *doc) split() {
	var heads, body []unit
	heads = append(heads, unit{anchor: "", text: d.Title, heading: -1})
	cur := -1
	for _, b := range d.Doc.Blocks {
		text := b.Content()
		if b.Kind == report.Table {
			text = tableText(b.Rows)
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		if isHeading(b.Kind) {
			d.headings = append(d.headings, strings.TrimSpace(b.Marker+b.Title()))
			cur = len(d.headings) - 1
			heads = append(heads, unit{anchor: b.ID, text: text, heading: -1})
			continue
		}
		for _, part := range parts(text) {
			body = append(body, unit{anchor: b.ID, text: part, heading: cur})
		}
	}
	d.units = d.units[:0]
	d.number(heads, 0)
	d.number(body, 1)
	slices.SortFunc(d.units, func(a, b unit) int { return a.lu - b.lu })
	d.chunks = d.chunks[:0]
	for _, u := range d.units {
		if c := chunkOf(u.lu); !slices.Contains(d.chunks, c) {
			d.chunks = append(d.chunks, c)
		}
	}
	slices.Sort(d.chunks)
}

// number gives the units of one class their local numbers.
func (d *doc) number(us []unit, class int) {
	for i, u := range us {
		u.lu = i<<1 | class
		d.units = append(d.units, u)
	}
}

// tableText is a table's cells, a stop between each two, so that no match
// runs from one cell into the next.
func tableText(rows [][]string) string {
	var cells []string
	for _, r := range rows {
		for _, c := range r {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
	}
	return strings.Join(cells, " ")
}

// parts cuts a text longer than maxUnitRunes into pieces that are not.
func parts(s string) []string {
	var out []string
	for {
		n, cut := 0, len(s)
		for i := range s {
			if n == maxUnitRunes {
				cut = i
				break
			}
			n++
		}
		out = append(out, s[:cut])
		if cut == len(s) {
			return out
		}
		s = s[cut:]
	}
}
