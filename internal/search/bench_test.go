package search

import (
	"io/fs"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/govreport/govreport/internal/search/searchtest"
)

// benchReports is n synthetic seed-sized reports (searchtest.Archive).
func benchReports(b *testing.B, n int) []Report {
	b.Helper()
	docs, err := searchtest.Archive(n, 1)
	if err != nil {
		b.Fatal(err)
	}
	reps := make([]Report, len(docs))
	for i, d := range docs {
		reps[i] = Report{Doc: d}
	}
	return reps
}

// BenchmarkWrite is the index build of archives of 1,000 and 10,000
// seed-sized reports (the budget for 10,000: 10 s and 1 GB; the
// process's peak is what /usr/bin/time -v reports for
// go test -run '^$' -bench 'Write/10000' -benchtime 1x). It reports the
// index's size and files.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			reps := benchReports(b, n)
			runtime.GC()
			dir := filepath.Join(b.TempDir(), "search")
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := Write(dir, reps); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			files, size := du(b, dir)
			b.ReportMetric(float64(size)/(1<<20), "MB")
			b.ReportMetric(float64(files), "files")
		})
	}
}

func du(b *testing.B, dir string) (files int, size int64) {
	b.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			files, size = files+1, size+info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return files, size
}
