package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
)

// BuildOptions configure Build.
type BuildOptions struct {
	Root    string                           // project: config.toml, sources/, content/, layouts/, static/, data/
	Out     string                           // the site directory, replaced only when the build succeeds
	BaseURL string                           // where the site will live, for canonical links; "" keeps config.toml's
	Logf    func(format string, args ...any) // one line per stage; may be nil
}

// Page is one report of the site, as read back from its content.
type Page struct {
	Path string // content file
	Doc  *report.Doc
}

// Build makes the site: it imports sources that have no content yet, fills
// in missing anchors, writes the indicator data files, runs Hugo into a
// temporary directory, adds the downloads, minifies, and only then replaces
// Out. A failed build leaves the previous site in place.
func Build(ctx context.Context, opts BuildOptions) error {
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	stage := func(name string, start time.Time, format string, args ...any) {
		logf("%-9s %6.0fms  %s", name, float64(time.Since(start).Microseconds())/1000, fmt.Sprintf(format, args...))
	}
	t := time.Now()
	n, err := ImportSources(opts.Root)
	if err != nil {
		return err
	}
	stage("import", t, "%d new reports from sources/", n)

	t = time.Now()
	pages, err := ReadContent(opts.Root)
	if err != nil {
		return err
	}
	stage("content", t, "%d reports read, anchors checked", len(pages))
	logf("review    %s", review(pages))

	t = time.Now()
	if err := writeData(opts.Root, pages); err != nil {
		return err
	}
	stage("data", t, "indicators written to data/indicators/")

	tmp, err := os.MkdirTemp(filepath.Dir(absOrSelf(opts.Out)), ".public-new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	t = time.Now()
	if err := Hugo(ctx, Options{Root: opts.Root, Dest: tmp, PublicURL: opts.BaseURL}); err != nil {
		return err
	}
	stage("hugo", t, "rendered")

	t = time.Now()
	if err := writeDownloads(tmp, pages); err != nil {
		return err
	}
	before, after, err := minifyTree(tmp)
	if err != nil {
		return err
	}
	stage("minify", t, "%d → %d bytes", before, after)

	t = time.Now()
	if err := replaceDir(tmp, opts.Out); err != nil {
		return err
	}
	stage("publish", t, "%s", opts.Out)
	return nil
}

func absOrSelf(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// ImportSources imports every file in root/sources whose report has no
// content yet, and returns how many it wrote.
func ImportSources(root string) (int, error) {
	entries, err := os.ReadDir(filepath.Join(root, "sources"))
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		wrote, err := importSource(root, filepath.Join(root, "sources", e.Name()))
		if err != nil {
			return n, err
		}
		if wrote {
			n++
		}
	}
	return n, nil
}

func importSource(root, path string) (bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	doc, _, err := outline.Import(path, data)
	if err != nil {
		return false, err
	}
	out := filepath.Join(root, "content", "reports", doc.Meta.Slug, "index.md")
	if _, err := os.Stat(out); err == nil {
		return false, nil
	}
	return true, WriteFile(out, markdown.Write(doc))
}

// ReadContent reads every report under root/content/reports, filling in
// missing anchors (and saving the file when it did). Duplicate anchors are
// an error: links to them would be ambiguous.
func ReadContent(root string) ([]Page, error) {
	paths, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*", "index.md"))
	sort.Strings(paths)
	pages := make([]Page, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		doc, err := markdown.Parse(p, data)
		if err != nil {
			return nil, err
		}
		for _, f := range outline.FillIDs(doc) {
			if f.Level == report.Error {
				return nil, fmt.Errorf("%s", f.Format(p))
			}
		}
		if doc.Meta.Slug == "" {
			doc.Meta.Slug = filepath.Base(filepath.Dir(p))
		}
		if out := markdown.Write(doc); !bytes.Equal(out, data) {
			if err := WriteFile(p, out); err != nil {
				return nil, err
			}
		}
		pages = append(pages, Page{p, doc})
	}
	return pages, nil
}

// writeData writes data/indicators/<slug>.json for every report, leaving
// files whose content is unchanged untouched.
func writeData(root string, pages []Page) error {
	for _, pg := range pages {
		var b bytes.Buffer
		if err := indicator.WriteJSON(&b, indicator.Extract(pg.Doc)); err != nil {
			return err
		}
		path := filepath.Join(root, "data", "indicators", pg.Doc.Meta.Slug+".json")
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b.Bytes()) {
			continue
		}
		if err := WriteFile(path, b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeDownloads puts each report's open data and Markdown source next to
// its page: reports/<slug>/indicators.csv, indicators.json, index.md.
func writeDownloads(dir string, pages []Page) error {
	for _, pg := range pages {
		base := filepath.Join(dir, "reports", pg.Doc.Meta.Slug)
		ins := indicator.Extract(pg.Doc)
		var csv, js bytes.Buffer
		if err := indicator.WriteCSV(&csv, ins); err != nil {
			return err
		}
		if err := indicator.WriteJSON(&js, ins); err != nil {
			return err
		}
		md, err := os.ReadFile(pg.Path)
		if err != nil {
			return err
		}
		for name, data := range map[string][]byte{"indicators.csv": csv.Bytes(), "indicators.json": js.Bytes(), "index.md": md} {
			if err := WriteFile(filepath.Join(base, name), data); err != nil {
				return err
			}
		}
	}
	return nil
}

// review summarises what lint would list for the content, so an editor
// sees before publishing that placeholders or errors remain.
func review(pages []Page) string {
	counts := map[string]int{}
	errs, warns := 0, 0
	for _, pg := range pages {
		for _, f := range outline.Check(pg.Doc) {
			counts[f.Code]++
			switch f.Level {
			case report.Error:
				errs++
			case report.Warning:
				warns++
			}
		}
	}
	codes := make([]string, 0, len(counts))
	for c, n := range counts {
		codes = append(codes, fmt.Sprintf("%s %d", c, n))
	}
	sort.Strings(codes)
	if len(codes) == 0 {
		return "nothing to review"
	}
	return fmt.Sprintf("%d errors, %d warnings (%s): see govreport lint content", errs, warns, strings.Join(codes, ", "))
}
