package outline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/synth"
	"github.com/govreport/govreport/internal/testcorpus"
	"github.com/govreport/govreport/internal/typo"
)

// benchCorpus is a set of reports as the site build reads them: Markdown
// parsed into documents, which Review has tidied.
type benchCorpus struct {
	name  string
	docs  []*report.Doc
	bytes int64
}

var (
	corporaOnce sync.Once
	corpora     []benchCorpus
	corporaErr  error
)

// benchCorpora returns the seed alone and GOVREPORT_BENCH_REPORTS
// synthetic reports (1,000 unless set), made once per run: copies of every
// bundled report in turn (synth.ProjectOf), whose varied text gives every
// rule work; the seed corpus stands for copies of the seed.
func benchCorpora(b *testing.B) []benchCorpus {
	corporaOnce.Do(func() {
		n := 1000
		if v, err := strconv.Atoi(os.Getenv("GOVREPORT_BENCH_REPORTS")); err == nil {
			n = v
		}
		seed, err := seedDoc()
		if err != nil {
			corporaErr = err
			return
		}
		syn, err := synthDocs(n)
		if err != nil {
			corporaErr = err
			return
		}
		corpora = []benchCorpus{corpusOf("seed", []*report.Doc{seed}), corpusOf(fmt.Sprintf("synth%d", n), syn)}
	})
	if corporaErr != nil {
		b.Fatal(corporaErr)
	}
	return corpora
}

func corpusOf(name string, docs []*report.Doc) benchCorpus {
	c := benchCorpus{name: name, docs: docs}
	for _, d := range docs {
		outline.Review(d)
		c.bytes += int64(len(d.Text()))
	}
	return c
}

// seedDoc is the seed imported and read back from its Markdown.
func seedDoc() (*report.Doc, error) {
	name := filepath.Join(testcorpus.Root(), "sources", testcorpus.SeedSource)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	doc, _, err := outline.Import(name, data)
	if err != nil {
		return nil, err
	}
	return markdown.Parse("seed.md", markdown.Write(doc))
}

// synthDocs makes n synthetic reports and reads them back.
func synthDocs(n int) ([]*report.Doc, error) {
	tmp, err := os.MkdirTemp("", "govreport-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "p")
	if err := synth.ProjectOf(testcorpus.Root(), dir, n, 10, nil); err != nil {
		return nil, err
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "content", "reports", "*", "index.md"))
	docs := make([]*report.Doc, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		d, err := markdown.Parse(p, data)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// checkTexts are the texts outline.Check gives typo.Check.
func checkTexts(d *report.Doc) []string {
	out := []string{d.Meta.Title, d.Meta.Subtitle, d.Meta.Speaker}
	for _, b := range d.Blocks {
		out = append(out, b.Content())
	}
	return out
}

// normTexts are the texts outline.Normalize gives typo.Normalize.
func normTexts(d *report.Doc) []string {
	out := []string{d.Meta.Title, d.Meta.Subtitle, d.Meta.Speaker}
	for _, b := range d.Blocks {
		out = append(out, b.Lead, b.Text)
		for _, row := range b.Rows {
			out = append(out, row...)
		}
	}
	return out
}

// BenchmarkCorpus measures, on the seed and on synthetic reports, the
// stages the site build runs on every report: typo.Check on each block as
// outline.Check calls it, typo.Normalize on each text as outline.Tidy
// calls it, outline.Review and indicator.Extract.
//
//	go test ./internal/outline -run XX -bench Corpus -count 5
func BenchmarkCorpus(b *testing.B) {
	for _, c := range benchCorpora(b) {
		var checks, norms []string
		for _, d := range c.docs {
			checks = append(checks, checkTexts(d)...)
			norms = append(norms, normTexts(d)...)
		}
		b.Run(c.name+"/Check", func(b *testing.B) {
			run(b, c.bytes, func() {
				for _, s := range checks {
					typo.Check(s)
				}
			})
		})
		b.Run(c.name+"/Normalize", func(b *testing.B) {
			run(b, c.bytes, func() {
				for _, s := range norms {
					typo.Normalize(s)
				}
			})
		})
		b.Run(c.name+"/Extract", func(b *testing.B) {
			run(b, c.bytes, func() {
				for _, d := range c.docs {
					indicator.Extract(d)
				}
			})
		})
		b.Run(c.name+"/Review", func(b *testing.B) {
			run(b, c.bytes, func() {
				for _, d := range c.docs {
					outline.Review(d)
				}
			})
		})
	}
}

// run measures f, in time, in the process's CPU time (user and system,
// the garbage collector's included: on a machine shared with other work,
// what the stage costs more than how long it waited) and in allocations.
func run(b *testing.B, bytes int64, f func()) {
	b.SetBytes(bytes)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		f()
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
