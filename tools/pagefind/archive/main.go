// Command archive writes a govreport project holding N synthetic reports
// (internal/search/searchtest: the seed varied report by report), builds
// its site with govreport's own build, and adds the search index:
// the site that tools/pagefind/measure.sh indexes with Pagefind and
// measures against govreport's search.
//
//	go run ./tools/pagefind/archive -n 10000 -o /tmp/archive
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/search"
	"github.com/govreport/govreport/internal/search/searchtest"
	gosite "github.com/govreport/govreport/internal/site"
	"github.com/govreport/govreport/internal/testcorpus"
)

func main() {
	n := flag.Int("n", 10000, "number of reports")
	out := flag.String("o", "/tmp/archive", "project `DIR` (its site goes to DIR/public)")
	indexOnly := flag.Bool("index", false, "only write the search index into DIR/public/search (the site is there)")
	flag.Parse()
	if err := run(*n, *out, *indexOnly); err != nil {
		fmt.Fprintln(os.Stderr, "archive:", err)
		os.Exit(1)
	}
}

func run(n int, dir string, indexOnly bool) error {
	docs, err := searchtest.Archive(n, 1)
	if err != nil {
		return err
	}
	pub := filepath.Join(dir, "public")
	if !indexOnly {
		if err := site(dir, docs); err != nil {
			return err
		}
	}
	reports := make([]search.Report, len(docs))
	for i, d := range docs {
		reports[i] = search.Report{Doc: d}
	}
	t := time.Now()
	if err := search.Write(filepath.Join(pub, "search"), reports); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "search index written in %s\n", time.Since(t))
	return nil
}

// site writes the project's content and builds its site.
func site(dir string, docs []*report.Doc) error {
	if err := testcorpus.Project(dir, false); err != nil {
		return err
	}
	for _, d := range docs {
		p := filepath.Join(dir, "content", "reports", d.Meta.Slug, "index.md")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, markdown.Write(d), 0o644); err != nil {
			return err
		}
	}
	t := time.Now()
	logf := func(f string, a ...any) { fmt.Fprintf(os.Stderr, f+"\n", a...) }
	err := gosite.Build(context.Background(), gosite.BuildOptions{Root: dir, Out: filepath.Join(dir, "public"), Logf: logf})
	logf("site built in %s", time.Since(t))
	return err
}
