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

// BenchmarkFinish: the Go post-processing of Chromium's file alone.
func BenchmarkFinish(b *testing.B) {
	p, err := pdf.NewPrinter("")
	if errors.Is(err, pdf.ErrNoChromium) {
		b.Skip(err)
	} else if err != nil {
		b.Fatal(err)
	}
	raw, err := p.Print(context.Background(), pdf.PrintPage(pub, seedSlug))
	p.Close()
	if err != nil {
		b.Fatal(err)
	}
	page, _ := os.ReadFile(pdf.PrintPage(pub, seedSlug))
	info, err := pdf.PageInfo("print.html", page)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := pdf.Finish(raw, info); err != nil {
			b.Fatal(err)
		}
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
