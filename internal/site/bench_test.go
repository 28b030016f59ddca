package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/synth"
	"github.com/govreport/govreport/internal/testcorpus"
)

// seedRoot makes a project in a temp dir from the repository's config,
// layouts and static files, with the seed report imported and its data
// written, so that Hugo alone and the whole build see the same content.
func seedRoot(tb testing.TB) string {
	tb.Helper()
	root := tb.TempDir()
	if err := testcorpus.Project(root, true); err != nil {
		tb.Fatal(err)
	}
	// One build imports the seed and writes data/, so content is finished.
	if err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")}); err != nil {
		tb.Fatal(err)
	}
	return root
}

// BenchmarkBuild is a clean govreport build of the seed: read content,
// anchors, indicators and data files, Hugo, downloads, minify, atomic
// publish (into a new folder each time, so nothing is reused).
func BenchmarkBuild(b *testing.B) {
	root := seedRoot(b)
	b.ReportAllocs()
	for b.Loop() {
		out := filepath.Join(b.TempDir(), "public")
		if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHugoOnly is Hugo alone on the same finished content: the
// budget is that BenchmarkBuild takes at most twice as long.
func BenchmarkHugoOnly(b *testing.B) {
	root := seedRoot(b)
	b.ReportAllocs()
	for b.Loop() {
		dest := filepath.Join(b.TempDir(), "public")
		if err := Hugo(context.Background(), Options{Root: root, Dest: dest}); err != nil {
			b.Fatal(err)
		}
	}
}

// synthProject makes a project of n synthetic reports (internal/synth),
// ten years per place, once per size for the benchmarks of a run.
func synthProject(b *testing.B, n int) string {
	b.Helper()
	root := filepath.Join(b.TempDir(), "project")
	if err := synth.Project(testcorpus.Root(), root, n, 10); err != nil {
		b.Fatal(err)
	}
	return root
}

// archiveSizes are the archive sizes the benchmarks build: 100 and 1,000
// by default; GOVREPORT_BENCH_SIZES=100,1000,10000 adds the issue's
// largest (minutes, and about 2.5 GB).
func archiveSizes(b *testing.B) []int {
	sizes := []int{100, 1000}
	if env := os.Getenv("GOVREPORT_BENCH_SIZES"); env != "" {
		sizes = nil
		for _, f := range strings.Split(env, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				b.Fatalf("GOVREPORT_BENCH_SIZES: %v", err)
			}
			sizes = append(sizes, n)
		}
	}
	return sizes
}

// BenchmarkArchive is a clean build of an archive of N synthetic reports:
// every report page, print version and download, the list pages, publish.
func BenchmarkArchive(b *testing.B) {
	for _, n := range archiveSizes(b) {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			root := synthProject(b, n)
			for b.Loop() {
				out := filepath.Join(b.TempDir(), "public")
				if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n), "ms/report")
		})
	}
}

// BenchmarkArchiveHugoOnly is Hugo alone, with the same layouts, on the
// content of BenchmarkArchive's archives once a build has finished it (its
// data/ written): the baseline the archive's build time is set against.
func BenchmarkArchiveHugoOnly(b *testing.B) {
	for _, n := range archiveSizes(b) {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			root := synthProject(b, n)
			if err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(b.TempDir(), "public")}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := Hugo(context.Background(), Options{Root: root, Dest: filepath.Join(b.TempDir(), "public")}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n), "ms/report")
		})
	}
}

// BenchmarkRebuild is a rebuild of an archive of N reports after a clean
// build: with nothing changed, and with one report edited (what serve does
// on an editor's save).
func BenchmarkRebuild(b *testing.B) {
	for _, n := range archiveSizes(b) {
		root := synthProject(b, n)
		out := filepath.Join(b.TempDir(), "public")
		if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("unchanged/%d", n), func(b *testing.B) {
			for b.Loop() {
				if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
					b.Fatal(err)
				}
			}
		})
		cache := NewCache()
		if err := Build(context.Background(), BuildOptions{Root: root, Out: out, Cache: cache}); err != nil {
			b.Fatal(err)
		}
		paths, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*", "index.md"))
		i := 0
		edit := func(b *testing.B, preview bool) {
			for b.Loop() {
				b.StopTimer()
				data, err := os.ReadFile(paths[0])
				if err != nil {
					b.Fatal(err)
				}
				i++
				data = append(data, fmt.Sprintf("\n编辑第%d次。\n", i)...)
				if err := os.WriteFile(paths[0], data, 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := Build(context.Background(), BuildOptions{Root: root, Out: out, Cache: cache, Preview: preview}); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Run(fmt.Sprintf("one-edit/%d", n), func(b *testing.B) { edit(b, false) })
		// What serve does before the page reloads: the pages, with the last search index.
		b.Run(fmt.Sprintf("one-edit-preview/%d", n), func(b *testing.B) { edit(b, true) })
	}
}

// BenchmarkRenderBody renders a report whose one section states n figures
// (issue 8 item 18: the templates' per-section tables grew with the square
// of n). ns/figure stays flat when the rendering is linear.
func BenchmarkRenderBody(b *testing.B) {
	for _, n := range []int{1000, 10000, 40000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			doc := &report.Doc{Blocks: []report.Block{{Kind: report.Part, Marker: "一、", Lead: "2023年工作回顾", ID: "s1"}}}
			var text strings.Builder
			for i := range n {
				fmt.Fprintf(&text, "第%d村完成投资%d万元；", i, 100+i)
				if i%100 == 99 {
					doc.Blocks = append(doc.Blocks, report.Block{Kind: report.Paragraph, Text: text.String() + "。", ID: fmt.Sprintf("s1-p%d", i/100+1)})
					text.Reset()
				}
			}
			ins := indicator.Extract(doc)
			if len(ins) < n {
				b.Fatalf("%d figures, want %d", len(ins), n)
			}
			b.ResetTimer()
			for b.Loop() {
				_ = renderBody(doc, ins)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/figure")
		})
	}
}
