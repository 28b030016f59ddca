package site

import (
	"path/filepath"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/search"
)

// WriteSearch writes the search index of the reports into public/search,
// for the search page (layouts/search.html, static/js/search.js): each
// report's page is reports/<slug>.html. The build calls it once the site's
// other files are written and minified (the index's files are compact
// already, and there are many), before publishing.
func WriteSearch(public string, docs []*report.Doc) error {
	reports := make([]search.Report, len(docs))
	for i, d := range docs {
		reports[i] = search.Report{Doc: d, URL: "reports/" + d.Meta.Slug + ".html"}
	}
	return search.Write(filepath.Join(public, "search"), reports)
}
