package site

import (
	"sort"
	"strconv"
)

// The list pages of the site are pages the build makes: Hugo renders each
// from the data the build gives it in its front matter, so a page lists
// what it lists without Hugo holding every report in memory.

// listPages is every list page of the site, with its data.
type listPages struct {
	Home homePage `json:"home"`
}

// homePage is the home page's data.
type homePage struct {
	Reports []listEntry `json:"reports"` // newest first
}

// listEntry is one report in a list.
type listEntry struct {
	Title   string `json:"title"`
	URL     string `json:"url"` // from the site's root: reports/<slug>.html
	Year    int    `json:"year,omitempty"`
	Place   string `json:"place,omitempty"`
	Date    string `json:"date,omitempty"`
	Speaker string `json:"speaker,omitempty"`
}

// lists returns the data of every list page.
func (b *builder) lists() listPages {
	var l listPages
	for _, pg := range b.pages {
		l.Home.Reports = append(l.Home.Reports, entryOf(pg))
	}
	sortNewestFirst(l.Home.Reports)
	return l
}

// entryOf is a report as a list shows it.
func entryOf(pg *Page) listEntry {
	m := pg.Doc.Meta
	title := m.Title
	if title == "" {
		title = m.Place + "政府工作报告"
	}
	return listEntry{Title: title, URL: "reports/" + m.Slug + ".html", Year: m.Year, Place: m.Place, Date: m.Date, Speaker: m.Speaker}
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

// files returns the content files of the list pages, for Hugo.
func (l listPages) files() map[string][]byte {
	return map[string][]byte{
		"_index.md": frontMatter(map[string]any{"reports": l.Home.Reports}),
	}
}

// yearLabel writes a year for a list, or "" for an unknown one.
func yearLabel(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y) + "年"
}
