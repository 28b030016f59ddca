package site

import (
	"fmt"
	"time"

	"github.com/govreport/govreport/internal/pdf"
)

// With --pdf, each report's print version is printed into a PDF beside it
// (internal/pdf: headless Chromium, then metadata and dates set from the
// report) and linked from its page with its size. A PDF is keyed by its
// page's inputs and the printer's environment (browser version, fonts), so
// an unchanged report is not printed again; printing costs about a second
// a report.

// pdfFile is a report's PDF in the site.
func pdfFile(slug string) string { return "reports/" + slug + "/" + slug + ".pdf" }

// printPDFs prints the PDFs of the rendered reports whose PDF could not be
// reused, and links every rendered report's PDF from its page.
func (b *builder) printPDFs(rendered []*Page) error {
	t := time.Now()
	var slugs []string
	for _, pg := range rendered {
		slug := pg.Doc.Meta.Slug
		if !b.recorded(pdfFile(slug)) && !b.reuse(b.pageKeys[slug].pdf, pdfFile(slug)) {
			slugs = append(slugs, slug)
		}
	}
	if len(slugs) > 0 {
		if err := pdf.PrintSite(b.ctx, b.site, slugs, pdf.Options{}); err != nil {
			return err
		}
	}
	for _, slug := range slugs {
		b.record(pdfFile(slug), b.pageKeys[slug].pdf)
	}
	for _, pg := range rendered {
		if _, err := pdf.LinkPage(b.site, pg.Doc.Meta.Slug); err != nil {
			return fmt.Errorf("linking the PDF of %s: %w", pg.Doc.Meta.Slug, err)
		}
	}
	b.stage("pdf", t, "%s printed, %d reused", plural(len(slugs), "PDF"), len(rendered)-len(slugs))
	return nil
}
