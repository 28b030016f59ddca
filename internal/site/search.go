package site

import (
	"path/filepath"

	"github.com/govreport/govreport/internal/search"
)

// WriteSearch writes the search index of the reports into public/search,
// for the search page (layouts/search.html, static/js/search.js). The
// build calls it after minifying (the index's files are written compact,
// and there are many) and before publishing.
func WriteSearch(public string, pages []Page) error {
	reports := make([]search.Report, len(pages))
	for i, pg := range pages {
		reports[i] = search.Report{Doc: pg.Doc, URL: "reports/" + pg.Doc.Meta.Slug + ".html"}
	}
	return search.Write(filepath.Join(public, "search"), reports)
}
