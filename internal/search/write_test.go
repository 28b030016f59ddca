package search

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/search/searchtest"
)

// readTree reads every file under dir by its path relative to dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestWriteSameBytes: the same reports, in any order, give the same files.
func TestWriteSameBytes(t *testing.T) {
	docs, err := searchtest.Archive(30, 9)
	if err != nil {
		t.Fatal(err)
	}
	reps := make([]Report, len(docs))
	for i, d := range docs {
		reps[i] = Report{Doc: d}
	}
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	small := Tuning{Split: 8, Depth: 6, Inline: 64, Bucket: 512} // every kind of file
	if err := WriteTuned(a, reps, small); err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(reps)-1; i < j; i, j = i+1, j-1 {
		reps[i], reps[j] = reps[j], reps[i]
	}
	if err := WriteTuned(b, reps, small); err != nil {
		t.Fatal(err)
	}
	fa, fb := readTree(t, a), readTree(t, b)
	kinds := map[string]int{}
	for name, data := range fa {
		kinds[strings.SplitN(name, string(filepath.Separator), 2)[0]]++
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if len(fa) != len(fb) {
		t.Errorf("%d files, then %d", len(fa), len(fb))
	}
	for _, k := range []string{"m.js", "b", "p", "s", "t"} {
		if kinds[k] == 0 {
			t.Errorf("no %s files: the tuning should make every kind", k)
		}
	}
	// The small tuning answers as the default one does.
	ix, err := Open(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"项目建设", "乡村振兴", "村水泥路", "2020年"} {
		res, err := ix.Query(q)
		if err != nil || len(res) == 0 {
			t.Errorf("%q: %d results, %v", q, len(res), err)
		}
	}
}

// TestWriteBadInput: an error names the problem, and the directory is
// left as it was.
func TestWriteBadInput(t *testing.T) {
	docs, err := searchtest.Archive(2, 1)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "search")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "old.js"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		reps []Report
		want string
	}{
		{[]Report{{Doc: docs[0], URL: "reports/a.html"}, {Doc: docs[1], URL: "reports/a.html"}}, "two reports at reports/a.html"},
		{[]Report{{Doc: docs[0], URL: "reports/a.html"}, {Title: "无名"}}, "neither a URL nor a slug"},
	} {
		err := Write(dir, c.reps)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want one saying %q", err, c.want)
		}
		if files := readTree(t, dir); len(files) != 1 || string(files["old.js"]) != "old" {
			t.Errorf("after a failed Write the directory holds %d files", len(files))
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".search-new-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
