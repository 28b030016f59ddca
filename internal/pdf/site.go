package pdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The built site's paths, under its public directory:
//
//	reports/<slug>.html             the report page, which links the PDF
//	reports/<slug>/print.html       its print version (GB/T 9704), which is printed
//	reports/<slug>/<slug>.pdf       the PDF

func reportPage(public, slug string) string {
	return filepath.Join(public, "reports", slug+".html")
}

// PrintPage is the path of a report's print version in the built site.
func PrintPage(public, slug string) string {
	return filepath.Join(public, "reports", slug, "print.html")
}

// PDFPath is the path of a report's PDF in the built site.
func PDFPath(public, slug string) string {
	return filepath.Join(public, "reports", slug, slug+".pdf")
}

// Reports returns the slugs of the reports of the site built in public:
// those with a print version, sorted.
func Reports(public string) ([]string, error) {
	if st, err := os.Stat(filepath.Join(public, "reports")); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s has no reports/: build the site first (govreport build)", public)
	}
	found, err := filepath.Glob(filepath.Join(public, "reports", "*", "print.html"))
	if err != nil {
		return nil, err
	}
	slugs := make([]string, 0, len(found))
	for _, f := range found {
		slugs = append(slugs, filepath.Base(filepath.Dir(f)))
	}
	slices.Sort(slugs)
	return slugs, nil
}

// checkSlug refuses a slug that is not one path element.
func checkSlug(slug string) error {
	if slug == "" || slug == "." || slug == ".." || strings.ContainsAny(slug, `/\`) {
		return fmt.Errorf("%q is not a report slug (such as 2023-xx-zhen)", slug)
	}
	return nil
}

// Options configure PrintSite and TuSite.
type Options struct {
	Chromium string // the browser; "" finds it (Chromium)
	Parallel int    // tabs printing at once; 0 or less: 2
	// Logf gets one line per PDF or PNG written; may be nil.
	Logf func(format string, args ...any)
}

// PrintSite prints the reports of the site built in public (slugs nil:
// all of them) into reports/<slug>/<slug>.pdf with one browser, Parallel
// tabs at a time. Each PDF is written atomically, and only when it was
// printed and finished whole; the first error stops the rest. It does not
// link the PDFs: LinkSite does, after.
func PrintSite(ctx context.Context, public string, slugs []string, opts Options) error {
	if slugs == nil {
		var err error
		if slugs, err = Reports(public); err != nil {
			return err
		}
	}
	for _, s := range slugs {
		if err := checkSlug(s); err != nil {
			return err
		}
		if _, err := os.Stat(PrintPage(public, s)); err != nil {
			return fmt.Errorf("report %s: no print version %s: build the site first (govreport build)", s, PrintPage(public, s))
		}
	}
	if len(slugs) == 0 {
		return nil
	}
	p, err := NewPrinter(opts.Chromium)
	if err != nil {
		return err
	}
	defer p.Close()
	return p.printAll(ctx, public, slugs, opts)
}

// printAll prints slugs with opts.Parallel workers sharing p.
func (p *Printer) printAll(ctx context.Context, public string, slugs []string, opts Options) error {
	return forEach(ctx, slugs, opts.Parallel, func(ctx context.Context, slug string) error {
		return p.PrintReport(ctx, public, slug, opts.Logf)
	})
}

// PrintReport prints one report of the site built in public into its PDF.
func (p *Printer) PrintReport(ctx context.Context, public, slug string, logf func(string, ...any)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	src := PrintPage(public, slug)
	page, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	info, err := PageInfo(src, page)
	if err != nil {
		return err
	}
	raw, err := p.Print(ctx, src)
	if err != nil {
		return err
	}
	out, err := Finish(raw, info)
	if err != nil {
		return fmt.Errorf("%s: Chromium's PDF: %w", src, err)
	}
	dst := PDFPath(public, slug)
	if err := writeFileAtomic(dst, out); err != nil {
		return err
	}
	if logf != nil {
		logf("pdf       %s  %s", dst, formatSize(int64(len(out))))
	}
	return nil
}

// writeFileAtomic writes data to path through a temporary file in the
// same directory renamed into place: a reader sees the old file or the new
// one, never a part.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".govreport-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
