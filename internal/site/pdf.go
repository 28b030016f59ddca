package site

import (
	"fmt"
	"time"

	"github.com/govreport/govreport/internal/pdf"
)

// With --pdf, each report's print version is printed into a PDF beside it,
// and its 一图读懂 saved as a PNG (pdf.TuSite),
// (internal/pdf: headless Chromium, then metadata and dates set from the
// report) and linked from its page with its size. A PDF is keyed by its
// page's inputs and the printer's environment (browser version, fonts), so
// an unchanged report is not printed again; printing costs about a second
// a report.

// pdfFile is a report's PDF in the site; pngFile its 一图读懂 as a picture.
func pdfFile(slug string) string { return "reports/" + slug + "/" + slug + ".pdf" }
func pngFile(slug string) string { return "reports/" + slug + "/" + slug + "-tu.png" }

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
	return b.pictures(rendered)
}

// pictures saves the 一图读懂 of the rendered reports whose picture could
// not be reused as PNGs (pdf.TuSite), and links every rendered report's
// picture from its 一图读懂 page.
func (b *builder) pictures(rendered []*Page) error {
	t := time.Now()
	var slugs []string
	for _, pg := range rendered {
		slug := pg.Doc.Meta.Slug
		if !b.recorded(pngFile(slug)) && !b.reuse(b.pageKeys[slug].png, pngFile(slug)) {
			slugs = append(slugs, slug)
		}
	}
	if len(slugs) > 0 {
		if err := pdf.TuSite(b.ctx, b.site, slugs, pdf.Options{}); err != nil {
			return err
		}
	}
	for _, slug := range slugs {
		b.record(pngFile(slug), b.pageKeys[slug].png)
	}
	for _, pg := range rendered {
		if _, err := pdf.LinkTu(b.site, pg.Doc.Meta.Slug); err != nil {
			return fmt.Errorf("linking the 一图读懂 picture of %s: %w", pg.Doc.Meta.Slug, err)
		}
	}
	b.stage("png", t, "%s saved, %d reused", plural(len(slugs), "picture"), len(rendered)-len(slugs))
	return nil
}
