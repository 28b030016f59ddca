package pdf_test

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/govreport/govreport/internal/pdf"
)

// BenchmarkPrintReport: one report printed by a running browser and
// finished, per op; the PDF's size as B/pdf. The browser's start (about a
// second) is paid once per PrintSite, outside the loop.
//
//	go test -run '^$' -bench PrintReport -benchtime 10x ./internal/pdf
func BenchmarkPrintReport(b *testing.B) {
	p, err := pdf.NewPrinter("")
	if errors.Is(err, pdf.ErrNoChromium) {
		b.Skip(err)
	} else if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for b.Loop() {
		if err := p.PrintReport(context.Background(), pub, seedSlug, nil); err != nil {
			b.Fatal(err)
		}
	}
	if st, err := os.Stat(pdf.PDFPath(pub, seedSlug)); err == nil {
		b.ReportMetric(float64(st.Size()), "B/pdf")
	}
}

// BenchmarkPrintReportParallel: as BenchmarkPrintReport, with as many tabs
// printing at once as GOMAXPROCS (PrintSite's default is 2): the time per
// report when a site's reports print together.
func BenchmarkPrintReportParallel(b *testing.B) {
	p, err := pdf.NewPrinter("")
	if errors.Is(err, pdf.ErrNoChromium) {
		b.Skip(err)
	} else if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := p.PrintReport(context.Background(), pub, seedSlug, nil); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkFinish: the Go post-processing of Chromium's file alone, for
// the seed and for the long report, whose whole font file (21 MB) Finish
// reads and subsets.
//
//	go test -run '^$' -bench Finish ./internal/pdf
func BenchmarkFinish(b *testing.B) {
	p, err := pdf.NewPrinter("")
	if errors.Is(err, pdf.ErrNoChromium) {
		b.Skip(err)
	} else if err != nil {
		b.Fatal(err)
	}
	raws := map[string][]byte{}
	for _, slug := range []string{seedSlug, longSlug} {
		if raws[slug], err = p.Print(context.Background(), pdf.PrintPage(pub, slug)); err != nil {
			p.Close()
			b.Fatal(err)
		}
	}
	p.Close()
	for _, slug := range []string{seedSlug, longSlug} {
		b.Run(slug, func(b *testing.B) {
			page, _ := os.ReadFile(pdf.PrintPage(pub, slug))
			info, err := pdf.PageInfo("print.html", page)
			if err != nil {
				b.Fatal(err)
			}
			raw := raws[slug]
			b.SetBytes(int64(len(raw)))
			var out []byte
			for b.Loop() {
				if out, err = pdf.Finish(raw, info); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(out)), "B/pdf")
		})
	}
}

// BenchmarkSaveTu: the seed's 一图读懂 pictured by a running browser — the
// screenshot, the palette and the PNG — per op; the PNG's size as
// B/png. The browser's start is paid once, outside the loop.
//
//	go test -run '^$' -bench SaveTu -benchtime 5x ./internal/pdf
func BenchmarkSaveTu(b *testing.B) {
	p, err := pdf.NewPrinter("")
	if errors.Is(err, pdf.ErrNoChromium) {
		b.Skip(err)
	} else if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	var size int64
	for b.Loop() {
		if size, err = pdf.SaveTu(context.Background(), p, pub, seedSlug); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size), "B/png")
}
