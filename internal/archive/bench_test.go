package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/testcorpus"
)

// The benchmarks make an archive of n reports: n/10 made-up places, ten
// years each, every report a copy of one of the repository's reports (the
// seed, the made-up reports of testdata, the indicator test reports) under
// its place and year, its figures moved to that year and varied, so that
// every figure recurs and targets meet results. With GOVREPORT_SYNTH set to
// a project made by tools/synth (go run ./tools/synth -n 10000 -o DIR),
// BenchmarkSynth reads that project's reports from their Markdown instead.

const benchYears = 10

// benchBases imports the reports the synthetic ones copy.
func benchBases(b *testing.B) []Report {
	b.Helper()
	root := testcorpus.Root()
	paths, _ := filepath.Glob(filepath.Join("testdata", "reports", "*.txt"))
	more, _ := filepath.Glob(filepath.Join(root, "internal", "indicator", "testdata", "*.txt"))
	paths = append(append(paths, more...), filepath.Join(root, "sources", testcorpus.SeedSource))
	var out []Report
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc, _, err := outline.Import(filepath.Base(p), data)
		if err != nil || doc.Meta.Year == 0 {
			continue
		}
		out = append(out, Report{Meta: doc.Meta, Doc: doc, Indicators: indicator.Extract(doc)})
	}
	if len(out) < 5 {
		b.Fatalf("only %d base reports", len(out))
	}
	return out
}

var (
	benchFirst  = []rune("青白红金石桥河山林东西南北上下新古平安和兴长永丰宁龙凤")
	benchSecond = []rune("山河水泉岭湾港坪塘桥庄田岗溪湖川原峰岩林")
	benchKinds  = []string{"镇", "乡", "街道", "镇", "县"}
)

// benchPlace is the i-th made-up place.
func benchPlace(i int) string {
	name := string([]rune{benchFirst[i%len(benchFirst)], benchSecond[(i/len(benchFirst))%len(benchSecond)]})
	if k := i / (len(benchFirst) * len(benchSecond)); k > 0 {
		name += strconv.Itoa(k)
	}
	return name + benchKinds[i%len(benchKinds)]
}

// benchMetas returns the front matter of n synthetic reports.
func benchMetas(n int) []report.Meta {
	metas := make([]report.Meta, n)
	for i := range metas {
		place, year := benchPlace(i/benchYears), 2025-i%benchYears
		metas[i] = report.Meta{Place: place, Year: year, Date: fmt.Sprintf("%d-01-%02d", year+1, 10+i%18),
			Slug: fmt.Sprintf("%d-place%05d", year, i/benchYears), Title: fmt.Sprintf("%d年%s政府工作报告", year, place)}
	}
	return metas
}

// benchReport makes the report of m from a base: the base's document and
// its figures, moved to m's year and varied by a few percent.
func benchReport(bases []Report, k int, m report.Meta) Report {
	base := &bases[k%len(bases)]
	shift := m.Year - base.Meta.Year
	f := 1 + 0.02*float64((k*7+m.Year*3)%11-5)
	ins := make([]indicator.Indicator, len(base.Indicators))
	for i, in := range base.Indicators {
		if in.Year != 0 {
			in.Year += shift
		}
		if in.Value != nil {
			in.Value = ptr(*in.Value * f)
		}
		if in.Base != nil {
			in.Base = ptr(*in.Base * f)
		}
		ins[i] = in
	}
	return Report{Meta: m, Doc: base.Doc, Indicators: ins}
}

// heapPeak samples the live heap.
type heapPeak struct{ max uint64 }

func (h *heapPeak) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h.max = max(h.max, ms.HeapAlloc)
}

// BenchmarkNewIndex groups 10,000 reports' front matter.
func BenchmarkNewIndex(b *testing.B) {
	metas := benchMetas(10000)
	b.ReportAllocs()
	var ix *Index
	for b.Loop() {
		ix = NewIndex(metas)
	}
	b.ReportMetric(float64(len(ix.Places)), "places")
}

// BenchmarkArchive indexes 10,000 synthetic reports and compares every
// place's, as a site build would: one place's reports in memory at a time.
func BenchmarkArchive(b *testing.B) {
	bases := benchBases(b)
	metas := benchMetas(10000)
	b.ReportAllocs()
	var peak heapPeak
	var series, promises, projects int
	for b.Loop() {
		ix := NewIndex(metas)
		series, promises, projects = 0, 0, 0
		for pi, p := range ix.Places {
			rs := make([]Report, len(p.Reports))
			for i, m := range p.Reports {
				rs[i] = benchReport(bases, pi*benchYears+i, m)
			}
			c := Compare(rs)
			series, promises, projects = series+len(c.Series), promises+len(c.Promises), projects+len(c.Projects)
			if pi%100 == 0 {
				peak.sample()
			}
		}
	}
	b.ReportMetric(float64(series), "series")
	b.ReportMetric(float64(promises), "promises")
	b.ReportMetric(float64(projects), "projects")
	b.ReportMetric(float64(peak.max)/(1<<20), "peak-heap-MB")
}

// BenchmarkSynth reads the project GOVREPORT_SYNTH names: front matter of
// every report, the index, then place by place each report's Markdown, its
// indicators and Compare. Reading and extraction dominate; the time of
// Compare alone is reported as compare-s.
func BenchmarkSynth(b *testing.B) {
	dir := os.Getenv("GOVREPORT_SYNTH")
	if dir == "" {
		b.Skip("GOVREPORT_SYNTH is not set (go run ./tools/synth -n 10000 -o DIR)")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "content", "reports", "*", "index.md"))
	if len(paths) == 0 {
		b.Fatalf("no reports in %s/content/reports", dir)
	}
	b.ReportAllocs()
	var peak heapPeak
	var compare float64
	for b.Loop() {
		compare = 0
		metas := make([]report.Meta, 0, len(paths))
		file := map[string]string{}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			m, err := markdown.ParseMeta(p, data)
			if err != nil {
				b.Fatal(err)
			}
			metas = append(metas, *m)
			file[m.Slug] = p
		}
		ix := NewIndex(metas)
		for pi, pl := range ix.Places {
			rs := make([]Report, len(pl.Reports))
			for i, m := range pl.Reports {
				data, err := os.ReadFile(file[m.Slug])
				if err != nil {
					b.Fatal(err)
				}
				doc, err := markdown.Parse(file[m.Slug], data)
				if err != nil {
					b.Fatal(err)
				}
				rs[i] = Report{Meta: m, Doc: doc, Indicators: indicator.Extract(doc)}
			}
			start := time.Now()
			Compare(rs)
			compare += time.Since(start).Seconds()
			if pi%100 == 0 {
				peak.sample()
			}
		}
	}
	b.ReportMetric(compare, "compare-s")
	b.ReportMetric(float64(peak.max)/(1<<20), "peak-heap-MB")
}
