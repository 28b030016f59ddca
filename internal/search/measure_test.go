package search

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/testcorpus"
)

// TestDownloads reports, for the queries of tools/pagefind/queries.txt,
// what the first page of results reads from an index built by
// tools/pagefind/archive: GOVREPORT_INDEX=/tmp/archive/public/search.
// Each query starts cold (nothing cached), as a fresh page does.
func TestDownloads(t *testing.T) {
	dir := os.Getenv("GOVREPORT_INDEX")
	if dir == "" {
		t.Skip("GOVREPORT_INDEX is not set")
	}
	f, err := os.Open(filepath.Join(testcorpus.Root(), "tools", "pagefind", "queries.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var raws, gzs []int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cat, q, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(cat, "#") {
			continue
		}
		ix, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Results(0, 5); err != nil {
			t.Fatal(err)
		}
		raw, gz := 0, 0
		parts := map[string]int{}
		for _, name := range ix.Files() {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			raw += len(data)
			parts[name[:1]] += len(data)
			gz += gzipLen(data)
		}
		raws, gzs = append(raws, raw), append(gzs, gz)
		t.Logf("%-7s %-12s %6d paragraphs %4d files %8d B %8d B gzip %v", cat, q, len(a.Matches), len(ix.Files()), raw, gz, parts)
	}
	slices.Sort(raws)
	slices.Sort(gzs)
	t.Logf("median %d B, gzip %d B", raws[len(raws)/2], gzs[len(gzs)/2])
}

func gzipLen(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}
