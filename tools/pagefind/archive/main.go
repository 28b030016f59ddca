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
	"github.com/govreport/govreport/internal/search"
	"github.com/govreport/govreport/internal/search/searchtest"
	"github.com/govreport/govreport/internal/site"
	"github.com/govreport/govreport/internal/testcorpus"
)

func main() {
	n := flag.Int("n", 10000, "number of reports")
	out := flag.String("o", "/tmp/archive", "project `DIR` (its site goes to DIR/public)")
	flag.Parse()
	if err := run(*n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "archive:", err)
		os.Exit(1)
	}
}

func run(n int, dir string) error {
	if err := testcorpus.Project(dir, false); err != nil {
		return err
	}
	docs, err := searchtest.Archive(n, 1)
	if err != nil {
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
	pub := filepath.Join(dir, "public")
	logf := func(f string, a ...any) { fmt.Fprintf(os.Stderr, f+"\n", a...) }
	if err := site.Build(context.Background(), site.BuildOptions{Root: dir, Out: pub, Logf: logf}); err != nil {
		return err
	}
	logf("site built in %s", time.Since(t))
	reports := make([]search.Report, len(docs))
	for i, d := range docs {
		reports[i] = search.Report{Doc: d}
	}
	t = time.Now()
	if err := search.Write(filepath.Join(pub, "search"), reports); err != nil {
		return err
	}
	logf("search index written in %s", time.Since(t))
	return nil
}
